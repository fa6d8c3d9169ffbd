import { describe, expect, it } from 'vitest';
import { drain, usageBody, type QueuedStep, type QueueStore, type StepSender } from './offline-queue';

function memoryStore(): QueueStore & { items: QueuedStep[] } {
  let next = 1;
  const items: QueuedStep[] = [];
  return {
    items,
    all: async () => items.map((s) => ({ ...s })),
    add: async (s) => void items.push({ ...s, seq: next++ }),
    put: async (s) => void items.splice(items.findIndex((x) => x.seq === s.seq), 1, { ...s }),
    remove: async (seq) => void items.splice(items.findIndex((x) => x.seq === seq), 1),
  };
}

const offline = () => Object.assign(new Error('Failed to fetch'), { status: 0, code: 'NETWORK' });

describe('the phone’s queue', () => {
  it('sends in the order made, stops while the network is down, and resumes without doubling anything', async () => {
    const store = memoryStore();
    await store.add({ opId: 'a', ticketId: 't', kind: 'check_in', at: '2026-03-02T01:00:00Z', lat: 31.2, lng: 121.4 });
    await store.add({ opId: 'b', ticketId: 't', kind: 'photo', at: '2026-03-02T01:05:00Z', blob: new Blob(['x'], { type: 'image/jpeg' }) });
    await store.add({ opId: 'c', ticketId: 't', kind: 'note', at: '2026-03-02T01:06:00Z', text: '更换皮带' });
    const server = { steps: [] as string[], files: new Map<string, string>() };
    let up = false;
    let uploadsAnswered = 0;
    const send: StepSender = {
      findFile: async (_t, name) => (up ? (server.files.get(name) ?? null) : Promise.reject(offline())),
      upload: async (_t, _b, name) => {
        if (!up) throw offline();
        server.files.set(name, `file-${server.files.size + 1}`);
        // the first upload's answer is lost on the way back
        if (uploadsAnswered++ === 0) throw offline();
        return server.files.get(name)!;
      },
      postStep: async (_t, body) => {
        if (!up) throw offline();
        if (!server.steps.includes(body.opId as string)) server.steps.push(body.opId as string);
      },
      postUsage: async () => undefined,
    };
    expect(await drain(store, send)).toEqual({ sent: 0, waiting: true });
    up = true;
    expect(await drain(store, send)).toEqual({ sent: 1, waiting: true });
    expect(await drain(store, send)).toEqual({ sent: 2, waiting: false });
    expect(server.steps).toEqual(['a', 'b', 'c']);
    expect(server.files.size).toBe(1);
    expect(store.items).toEqual([]);
  });

  it('keeps a refused step as failed and sends the rest', async () => {
    const store = memoryStore();
    await store.add({ opId: 'a', ticketId: 't', kind: 'complete', at: '2026-03-02T01:00:00Z', result: 'fixed' });
    await store.add({ opId: 'b', ticketId: 't', kind: 'note', at: '2026-03-02T01:01:00Z', text: '备注' });
    const posted: string[] = [];
    const send: StepSender = {
      findFile: async () => null,
      upload: async () => 'f',
      postStep: async (_t, body) => {
        if (body.kind === 'complete') throw Object.assign(new Error('Check in first'), { status: 409, code: 'FIELD_STEP_OUT_OF_ORDER' });
        posted.push(body.opId as string);
      },
      postUsage: async () => undefined,
    };
    expect(await drain(store, send)).toEqual({ sent: 1, waiting: false });
    expect(posted).toEqual(['b']);
    expect(store.items).toHaveLength(1);
    expect(store.items[0].failed?.code).toBe('FIELD_STEP_OUT_OF_ORDER');
  });

  it('posts parts used to the inventory endpoint in the queue’s order, and keeps a refused one as failed without blocking the rest', async () => {
    const store = memoryStore();
    await store.add({ opId: 'a', ticketId: 't', kind: 'check_in', at: '2026-03-02T01:00:00Z', lat: 31.2, lng: 121.4 });
    await store.add({ opId: 'b', ticketId: 't', kind: 'parts_usage', at: '2026-03-02T01:10:00Z', lines: [{ partId: 'p1', warehouseId: 'v1', qty: 2, code: 'BELT-01', name: '传动皮带' }] });
    await store.add({ opId: 'c', ticketId: 't', kind: 'parts_usage', at: '2026-03-02T01:11:00Z', lines: [{ partId: 'p2', qty: 9, code: 'PUMP-02', name: '水泵' }] });
    await store.add({ opId: 'd', ticketId: 't', kind: 'note', at: '2026-03-02T01:12:00Z', text: '已更换皮带' });
    const calls: unknown[] = [];
    let up = false;
    const send: StepSender = {
      findFile: async () => null,
      upload: async () => 'f',
      postStep: async (_t, body) => void calls.push(['step', body.opId]),
      postUsage: async (ticketId, body) => {
        if (!up) throw offline();
        if (body.opId === 'c') throw Object.assign(new Error('Not enough stock'), { status: 409, code: 'STOCK_INSUFFICIENT' });
        calls.push(['usage', ticketId, body]);
      },
    };
    // offline at the usage: it and what follows wait
    expect(await drain(store, send)).toEqual({ sent: 1, waiting: true });
    expect(store.items.map((s) => s.opId)).toEqual(['b', 'c', 'd']);
    up = true;
    expect(await drain(store, send)).toEqual({ sent: 2, waiting: false });
    expect(calls).toEqual([
      ['step', 'a'],
      // only what the API takes: no code / name, no warehouse when none was picked
      ['usage', 't', { opId: 'b', lines: [{ partId: 'p1', qty: 2, warehouseId: 'v1' }] }],
      ['step', 'd'],
    ]);
    expect(store.items).toHaveLength(1);
    expect(store.items[0]).toMatchObject({ opId: 'c', kind: 'parts_usage', failed: { code: 'STOCK_INSUFFICIENT' } });
    expect(usageBody(store.items[0])).toEqual({ opId: 'c', lines: [{ partId: 'p2', qty: 9 }] });
  });
});
