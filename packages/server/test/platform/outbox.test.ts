import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { outboxRepository, type OutboxMessage } from '../../src/platform/outbox/outbox-repository';
import { testDbKind } from '../support/test-db';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

describe('transactional outbox', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('出站测试');
  });
  afterAll(() => t.close());

  const create = (title: string) => t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title, description: '内容', requester: { email: 'o@example.cn' } });

  /**
   * Rounds until `done`: on PostgreSQL a transaction open elsewhere in the cluster (another test file's
   * database) holds new messages back for a while, so a drain can end before they are readable.
   */
  const rounds = async (d: OutboxDispatcher, done: () => boolean) => {
    for (const until = Date.now() + 10_000; !done() && Date.now() < until; ) if ((await d.runOnce()) === 0) await new Promise((r) => setTimeout(r, 20));
  };

  it('delivers each committed event once per consumer, in order, retrying only the failed consumer', async () => {
    const d = new OutboxDispatcher(t.db, t.clock);
    const seen: OutboxMessage[] = [];
    let flaky = 0;
    const flakySeen: string[] = [];
    d.subscribe('recorder', ['ticket.*'], async (m) => {
      seen.push(m);
    });
    d.subscribe('flaky', ['ticket.created'], async (m) => {
      if (flaky++ === 0) throw new Error('downstream unavailable');
      flakySeen.push(m.eventId);
    });
    const a = (await create('第一张')).json();
    await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${a.id}`, { priority: 'high' });
    await create('第二张');
    await rounds(d, () => seen.length >= 3 && flakySeen.length >= 1);
    await d.drain();
    expect(seen.map((m) => m.topic)).toEqual(['ticket.created', 'ticket.updated', 'ticket.created']);
    expect(seen[0].payload).toMatchObject({ ticketId: a.id });
    expect(flakySeen).toHaveLength(1); // first attempt failed, the message waits for its backoff
    t.clock.advance(60_000);
    await rounds(d, () => flakySeen.length >= 2);
    expect(flakySeen).toHaveLength(2);
    expect(seen).toHaveLength(3); // the recorder was not run again for the retried message
  });

  it('announces nothing for a request that failed', async () => {
    const d = new OutboxDispatcher(t.db, t.clock);
    const seen: string[] = [];
    d.subscribe('recorder', ['*'], async (m) => {
      seen.push(m.topic);
    });
    await d.drain();
    const bad = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '坏的', description: 'x', requester: { email: 'o@example.cn' }, categoryId: '00000000-0000-4000-8000-000000000000' });
    expect(bad.statusCode).toBe(404);
    await d.drain();
    expect(seen).toEqual([]);
  });

  it('lets one process at a time advance a consumer, and the next one carry on where it stopped', async () => {
    const seen: string[] = [];
    const first = new OutboxDispatcher(t.db, t.clock);
    const second = new OutboxDispatcher(t.db, t.clock);
    for (const d of [first, second]) d.subscribe('archiver', ['ticket.created'], async (m) => void seen.push(m.eventId));
    await create('进程一');
    await rounds(first, () => seen.length >= 3);
    await create('进程二');
    await rounds(second, () => seen.length >= 4);
    await second.drain();
    expect(seen).toHaveLength(2 + 2); // the two tickets of the first test, and these two, each once
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('hands the messages of a round to a batch handler together, and each alone to the handler when the batch fails', async () => {
    const d = new OutboxDispatcher(t.db, t.clock);
    const batches: string[][] = [];
    const alone: string[] = [];
    let failBatch = false;
    d.subscribe('batcher', ['ticket.created'], async (m) => void alone.push(String(m.payload.ticketId)), async (ms) => {
      if (failBatch) throw new Error('batch statement failed');
      batches.push(ms.map((m) => String(m.payload.ticketId)));
    });
    await d.drain(); // the earlier tests' tickets (some may still come later on PostgreSQL: only ours are looked at)
    const ids: string[] = [];
    for (const title of ['批量一', '批量二', '批量三']) ids.push((await create(title)).json().id);
    const ours = (list: string[]) => list.filter((id) => ids.includes(id) || more.includes(id));
    const more: string[] = [];
    await rounds(d, () => ours([...batches.flat(), ...alone]).length >= 3);
    expect(ours(batches.flat())).toEqual(ids); // in commit order, all through the batch handler
    // together in one round (on PostgreSQL a transaction open elsewhere in the cluster may split them)
    if (testDbKind() === 'pglite') expect(batches.map(ours).filter((b) => b.length)).toEqual([ids]);
    expect(ours(alone)).toEqual([]);
    failBatch = true;
    more.push((await create('批量四')).json().id, (await create('批量五')).json().id);
    await rounds(d, () => ours(alone).length >= 2);
    expect(ours(alone)).toEqual(more); // nothing lost: each message once more, alone, in order
    expect(ours(batches.flat())).toEqual(ids);
  });

  it('reads the log once a round for consumers whose cursors stand at the same place, and each gets every message', async () => {
    const d = new OutboxDispatcher(t.db, t.clock);
    const seen: Record<string, string[]> = { a: [], b: [], c: [] };
    for (const name of ['a', 'b', 'c']) d.subscribe(`sharer-${name}`, ['ticket.created'], async (m) => void seen[name].push(String(m.payload.ticketId)));
    await d.drain(); // all three catch up with the earlier tests: same place now
    const ids = [(await create('共享读取一')).json().id, (await create('共享读取二')).json().id];
    const ours = (list: string[]) => list.filter((id) => ids.includes(id));
    const reads = vi.spyOn(outboxRepository, 'after');
    const runOnce = vi.spyOn(d, 'runOnce');
    try {
      await rounds(d, () => ours(seen.a).length >= 2);
      expect(reads).toHaveBeenCalledTimes(runOnce.mock.calls.length); // one read a round, not one per consumer
    } finally {
      reads.mockRestore();
    }
    expect(ours(seen.a)).toEqual(ids);
    expect(seen.b).toEqual(seen.a);
    expect(seen.c).toEqual(seen.a);
  });

  it('runs each consumer in its own loop once started: a stuck consumer does not hold back another', async () => {
    const d = new OutboxDispatcher(t.db, t.clock);
    const fast: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let armed = false;
    let slowCalls = 0;
    d.subscribe('loop-slow', ['ticket.created'], async () => {
      if (!armed) return;
      slowCalls++;
      await gate;
    });
    d.subscribe('loop-fast', ['ticket.created'], async (m) => void fast.push(String(m.payload.ticketId)));
    await d.drain(); // both catch up with the earlier tests; from here the slow one sticks on its first message
    armed = true;
    d.start(20);
    try {
      const ids: string[] = [];
      for (const title of ['独立循环一', '独立循环二', '独立循环三']) {
        ids.push((await create(title)).json().id);
        await vi.waitFor(() => expect(fast).toContain(ids.at(-1)), { timeout: 10_000, interval: 20 });
      }
      expect(slowCalls).toBe(1); // still in its first message, the gate closed
      expect(fast.filter((id) => ids.includes(id))).toEqual(ids);
    } finally {
      release();
      await d.stop();
    }
    // stopped: nothing runs any more, and a round by hand carries the slow consumer on
    await d.drain();
    expect(slowCalls).toBe(3);
  });

  // A transaction that began earlier but commits later must not fall behind a consumer's cursor.
  it.skipIf(testDbKind() !== 'postgres')('delivers a message committed late, after the ones of transactions that began after it', async () => {
    const d = new OutboxDispatcher(t.db, t.clock);
    const seen: string[] = [];
    d.subscribe('late-watcher', ['probe.*'], async (m) => void seen.push(m.topic));
    await d.drain();
    const slow = new pg.Client({ connectionString: (t.db as { url?: string }).url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(`INSERT INTO outbox (tenant_id, event_id, topic, payload) VALUES ($1, gen_random_uuid(), 'probe.slow', '{}')`, [acme.id]);
      await t.db.system((q) => q.query(`INSERT INTO outbox (tenant_id, event_id, topic, payload) VALUES ($1, gen_random_uuid(), 'probe.fast', '{}')`, [acme.id]));
      await d.drain();
      expect(seen).toEqual([]); // the fast one waits while an older transaction is still open
      await slow.query('COMMIT');
      // a transaction open in another test file's database may still hold both back for a moment
      await rounds(d, () => seen.length >= 2);
      expect(seen).toEqual(['probe.slow', 'probe.fast']);
    } finally {
      await slow.end();
    }
  });
});
