import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSlaMessages } from '../../src/modules/sla';
import { customerSays, minutes, POLICY, slaWorld, ticket, type SlaWorld } from './helpers';

let w: SlaWorld;
beforeAll(async () => {
  w = await slaWorld();
});
afterAll(() => w.close());

const clocksOf = async (id: string) => {
  const res = await w.api('GET', `/api/v1/tickets/${id}/sla`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { policy: { name: string } | null; clocks: { metric: string; dueAt: string | null; state: string; achievedAt: string | null; pausedMinutes: number; cycle: number }[] };
};
const clock = async (id: string, metric: string) => (await clocksOf(id)).clocks.find((c) => c.metric === metric)!;

describe('SLA clocks from ticket events (PGlite / PostgreSQL)', () => {
  it('a tenant without a policy has no clocks and pays nothing', async () => {
    const t = await ticket(w);
    await w.settle();
    expect(await clocksOf(t.id)).toEqual({ policy: null, clocks: [] });
    expect((await w.api('GET', `/api/v1/tickets/${t.id}`)).json().sla).toBeNull();
  });

  it('a policy applies to new tickets; a staff reply achieves the first response; a priority change moves every clock', async () => {
    const created = await w.api('POST', '/api/v1/sla/policies', POLICY);
    expect(created.statusCode, created.body).toBe(201);
    const t = await ticket(w, { priority: 'normal' });
    await w.settle();
    const start = w.t.clock.now().getTime();
    let sla = await clocksOf(t.id);
    expect(sla.policy?.name).toBe('标准服务');
    expect(sla.clocks.map((c) => c.metric)).toEqual(['first_response', 'resolution']);
    expect(Date.parse(sla.clocks[0].dueAt!) - start).toBe(120 * 60_000);
    const view = (await w.api('GET', `/api/v1/tickets/${t.id}`)).json();
    expect(view.sla).toEqual({ dueAt: sla.clocks[0].dueAt, state: 'ok' });

    minutes(w, 10);
    expect((await w.api('POST', `/api/v1/tickets/${t.id}/comments`, { body: '您好，我们已收到，工程师马上联系您' })).statusCode).toBe(201);
    await w.settle();
    expect((await clock(t.id, 'first_response')).achievedAt).not.toBeNull();
    expect((await w.api('GET', `/api/v1/tickets/${t.id}`)).json().sla.dueAt).toBe(new Date(start + 960 * 60_000).toISOString());

    minutes(w, 20);
    expect((await w.api('PATCH', `/api/v1/tickets/${t.id}`, { priority: 'urgent' })).statusCode).toBe(200);
    await w.settle();
    const res = await clock(t.id, 'resolution');
    expect(Date.parse(res.dueAt!) - start).toBe(240 * 60_000); // recomputed from creation, not from now
  });

  it('待客户反馈 pauses the clocks and extends the due time', async () => {
    const t = await ticket(w, { priority: 'urgent' });
    await w.settle();
    const due = Date.parse((await clock(t.id, 'resolution')).dueAt!);
    minutes(w, 5);
    await w.api('PATCH', `/api/v1/tickets/${t.id}`, { status: 'pending' });
    await w.settle();
    expect(await clock(t.id, 'resolution')).toMatchObject({ dueAt: null, state: 'paused' });
    expect((await w.api('GET', `/api/v1/tickets/${t.id}`)).json().sla).toEqual({ dueAt: null, state: 'paused' });
    minutes(w, 60);
    await w.api('PATCH', `/api/v1/tickets/${t.id}`, { status: 'open' });
    await w.settle();
    const after = await clock(t.id, 'resolution');
    expect(Date.parse(after.dueAt!) - due).toBe(60 * 60_000);
    expect(after.pausedMinutes).toBe(60);
  });

  it('催单: a customer asking again is recorded once with a ticket.chased event; next response opens a cycle', async () => {
    const t = await ticket(w, { priority: 'normal' });
    await w.api('POST', `/api/v1/tickets/${t.id}/comments`, { body: '已安排工程师' });
    minutes(w, 30);
    await customerSays(w, t, '怎么还没处理？我们急用打印机');
    minutes(w, 5);
    await customerSays(w, t, '好的谢谢', 'email'); // waiting 5 min only, no chase words
    minutes(w, 1);
    await customerSays(w, t, '您好，打印机的事情', 'phone');
    await w.settle();
    const chased = (await w.api('GET', `/api/v1/tickets/${t.id}/events?limit=100`)).json().items.filter((e: { kind: string }) => e.kind === 'ticket.chased');
    expect(chased.map((e: { data: { count: number; channel: string } }) => [e.data.count, e.data.channel])).toEqual([[1, 'wechat'], [2, 'phone']]);
    expect(chased[0].data.excerpt).toContain('怎么还没处理');
    expect(await clock(t.id, 'next_response')).toMatchObject({ cycle: 1, achievedAt: null });

    // at-least-once: the same messages again change nothing
    const msgs = await w.t.db.system((q) => q.query<any>(`SELECT id, tenant_id, event_id, topic, payload, created_at FROM outbox WHERE tenant_id = $1 ORDER BY id`, [w.acme.id]));
    const before = await w.sql(`SELECT ticket_id, metric, version FROM ticket_sla ORDER BY ticket_id, metric`);
    await handleSlaMessages(
      w.t.deps,
      msgs.map((m) => ({ id: Number(m.id), tenantId: m.tenant_id, eventId: m.event_id, topic: m.topic, payload: m.payload, createdAt: m.created_at, attempts: 0 })),
    );
    // (the first ticket, created before any policy, now gets its clocks: the replay sees the policy)
    const had = new Set(before.map((r: { ticket_id: string }) => r.ticket_id));
    const after = await w.sql(`SELECT ticket_id, metric, version FROM ticket_sla ORDER BY ticket_id, metric`);
    expect(after.filter((r: { ticket_id: string }) => had.has(r.ticket_id))).toEqual(before);
    expect((await w.sql(`SELECT count(*)::int AS n FROM ticket_chases WHERE ticket_id = $1`, [t.id]))[0].n).toBe(2);
  });

  it('the list filters by SLA state and sorts due soonest first, tickets without SLA last, with keyset paging', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await w.api('GET', `/api/v1/tickets?sort=sla_due_at&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      all.push(...page.items.map((i: { sla: { dueAt: string | null } | null }) => i.sla?.dueAt ?? 'none'));
      cursor = page.nextCursor;
    } while (cursor);
    const dated = all.filter((d) => d !== 'none');
    expect(dated).toEqual([...dated].sort());
    expect(all.slice(dated.length).every((d) => d === 'none')).toBe(true);
    const paused = (await w.api('GET', '/api/v1/tickets?sla=paused')).json().items;
    expect(paused.every((i: { sla: { state: string } }) => i.sla.state === 'paused')).toBe(true);
  });
});
