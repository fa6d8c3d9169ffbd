import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepSla } from '../../src/modules/sla';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The SLA sweep in simulated time: a warning at 30% left fires at its moment and not a millisecond
// before, the breach at the due time, each once; a paused clock fires nothing; a clock recomputed to
// later (version bumped, warned_at cleared) fires again only at its new moment; a backlog larger than a
// batch is worked off over rounds, each clock once. The clocks are written as sla-clocks writes them.
describe('SLA sweep (simulated time)', () => {
  let t: TestApp;
  let acme: TestTenant;
  let policyId: string;
  const sweep = (limit = 100) => sweepSla(t.deps, { limit });
  const at = (ms: number) => new Date(ms);
  const setTime = (d: Date) => t.clock.advance(d.getTime() - t.clock.now().getTime());
  const summary = (ticketId: string) =>
    t.db.system(async (q) => (await q.query<{ sla_due_at: Date | null; sla_state: string | null }>(`SELECT sla_due_at, sla_state FROM tickets WHERE id = $1`, [ticketId]))[0]);

  const updatedAt = (ticketId: string) =>
    t.db.system(async (q) => (await q.query<{ updated_at: Date }>(`SELECT updated_at FROM tickets WHERE id = $1`, [ticketId]))[0].updated_at);
  const outboxTopics = (ticketId: string) =>
    t.db.system(async (q) => (await q.query<{ topic: string }>(`SELECT topic FROM outbox WHERE payload->>'ticketId' = $1 AND topic LIKE 'sla.%' ORDER BY id`, [ticketId])).map((r) => r.topic));

  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('SLA 巡检');
    policyId = randomUUID();
    await t.db.system((q) =>
      q.query(
        `INSERT INTO sla_policies (id, tenant_id, name, position, targets, warn_remaining, created_at, updated_at)
         VALUES ($1, $2, '标准服务', 1, '{"normal": {"first_response": {"minutes": 60, "business": false}}}', 0.3, $3, $3)`,
        [policyId, acme.id, t.clock.now()],
      ),
    );
  });
  afterAll(async () => t?.close());

  async function ticket(title: string): Promise<string> {
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title, description: '客户来电报修', requester: { email: 'kehu@example.cn' } });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  /** A running clock as sla-clocks stores it: started now, due after `minutes`, warning at 30% left. */
  async function clock(tenantId: string, ticketId: string, o: { metric?: string; minutes: number; startedAt?: Date; paused?: boolean; policy?: string | null }) {
    const started = o.startedAt ?? t.clock.now();
    const due = at(started.getTime() + o.minutes * 60_000);
    const warn = at(started.getTime() + o.minutes * 0.7 * 60_000);
    await t.db.system((q) =>
      q.query(
        `INSERT INTO ticket_sla (tenant_id, ticket_id, metric, policy_id, target_minutes, business, started_at, due_at, warn_at, paused_since, updated_at)
         VALUES ($1, $2, $3, $4, $5, false, $6, $7, $8, $9, $6)`,
        [tenantId, ticketId, o.metric ?? 'first_response', o.policy === undefined ? policyId : o.policy, o.minutes, started, o.paused ? null : due, o.paused ? null : warn, o.paused ? started : null],
      ),
    );
    return { due, warn };
  }

  const events = (ticketId: string) =>
    t.db.system((q) => q.query<{ kind: string; data: any; actor_name: string; internal: boolean; created_at: Date }>(`SELECT kind, data, actor_name, internal, created_at FROM ticket_events WHERE ticket_id = $1 AND kind LIKE 'sla.%' ORDER BY id`, [ticketId]));
  const row = (ticketId: string, metric = 'first_response') =>
    t.db.system(async (q) => (await q.query(`SELECT * FROM ticket_sla WHERE ticket_id = $1 AND metric = $2`, [ticketId, metric]))[0]);

  it('warns at 30% left at its moment, not before, and breaches at the due time, each once', async () => {
    const id = await ticket('首次响应预警测试');
    const { warn, due } = await clock(acme.id, id, { minutes: 60 });
    setTime(at(warn.getTime() - 1));
    expect(await sweep()).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await events(id)).toEqual([]);
    setTime(warn);
    expect(await sweep()).toMatchObject({ warnings: 1, breaches: 0, full: false });
    const [w] = await events(id);
    expect(w).toMatchObject({ kind: 'sla.warning', actor_name: 'sla', internal: true });
    expect(w.data).toEqual({ metric: 'first_response', dueAt: due.toISOString(), policyId, policyName: '标准服务', remainingMinutes: 18, version: 1 });
    expect((await row(id)).warned_at).toEqual(warn);
    expect(await summary(id)).toEqual({ sla_due_at: due, sla_state: 'warning' });
    // the same row update marked the ticket changed at the warning (as any recorded event does)
    expect(await updatedAt(id)).toEqual(warn);
    expect(await outboxTopics(id)).toEqual(['sla.warning']);
    t.clock.advance(60_000);
    expect(await sweep()).toMatchObject({ warnings: 0, breaches: 0 });
    setTime(at(due.getTime() - 1));
    expect(await sweep()).toMatchObject({ warnings: 0, breaches: 0 });
    setTime(due);
    expect(await sweep()).toMatchObject({ warnings: 0, breaches: 1 });
    const list = await events(id);
    expect(list.map((e) => e.kind)).toEqual(['sla.warning', 'sla.breached']);
    expect(list[1].data).toEqual({ metric: 'first_response', dueAt: due.toISOString(), policyId, policyName: '标准服务', version: 1 });
    expect(await summary(id)).toEqual({ sla_due_at: due, sla_state: 'breached' });
    expect(await updatedAt(id)).toEqual(due);
    expect(await outboxTopics(id)).toEqual(['sla.warning', 'sla.breached']);
    t.clock.advance(3_600_000);
    expect(await sweep()).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await events(id)).toHaveLength(2);
    // the timeline shows it (internal: staff only)
    const timeline = await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${id}/events`);
    expect(timeline.json().items.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['sla.warning', 'sla.breached']));
  });

  it('a paused clock fires nothing; an achieved one neither', async () => {
    const paused = await ticket('待客户反馈的工单');
    await clock(acme.id, paused, { minutes: 30, paused: true });
    const done = await ticket('已首次响应的工单');
    await clock(acme.id, done, { minutes: 30 });
    await t.db.system((q) => q.query(`UPDATE ticket_sla SET achieved_at = $2 WHERE ticket_id = $1`, [done, t.clock.now()]));
    t.clock.advance(24 * 3_600_000);
    expect(await sweep()).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await events(paused)).toEqual([]);
    expect(await events(done)).toEqual([]);
  });

  it('a clock recomputed to later (version bumped, warned_at cleared) fires again only at its new moment', async () => {
    const id = await ticket('优先级调整后重新计时');
    const first = await clock(acme.id, id, { metric: 'resolution', minutes: 100 });
    setTime(first.warn);
    expect(await sweep()).toMatchObject({ warnings: 1 });
    // sla-clocks recomputes (priority lowered): due 60 minutes later, the warning not yet given for it
    const due = at(first.due.getTime() + 3_600_000);
    const warn = at(first.warn.getTime() + 3_600_000);
    await t.db.system((q) =>
      q.query(`UPDATE ticket_sla SET due_at = $2, warn_at = $3, warned_at = NULL, version = version + 1, updated_at = $4 WHERE ticket_id = $1 AND metric = 'resolution'`, [id, due, warn, t.clock.now()]),
    );
    setTime(first.due);
    expect(await sweep()).toMatchObject({ warnings: 0, breaches: 0 });
    setTime(at(warn.getTime() - 1));
    expect(await sweep()).toMatchObject({ warnings: 0, breaches: 0 });
    setTime(warn);
    expect(await sweep()).toMatchObject({ warnings: 1, breaches: 0 });
    const list = await events(id);
    expect(list.map((e) => [e.kind, e.data.version, e.data.dueAt])).toEqual([
      ['sla.warning', 1, first.due.toISOString()],
      ['sla.warning', 2, due.toISOString()],
    ]);
    setTime(due);
    expect(await sweep()).toMatchObject({ breaches: 1 });
    expect((await events(id)).map((e) => e.kind)).toEqual(['sla.warning', 'sla.warning', 'sla.breached']);
  });

  it('past its due time before any warning was sent: the breach alone, the warning settled', async () => {
    const id = await ticket('停机期间超时');
    const { due } = await clock(acme.id, id, { metric: 'on_site', minutes: 10, policy: null });
    setTime(at(due.getTime() + 5 * 60_000));
    expect(await sweep()).toMatchObject({ warnings: 0, breaches: 1 });
    const list = await events(id);
    expect(list.map((e) => e.kind)).toEqual(['sla.breached']);
    expect(list[0].data).toMatchObject({ metric: 'on_site', policyId: null, policyName: null });
    const r = await row(id, 'on_site');
    expect(r.breached_at).toEqual(t.clock.now());
    expect(r.warned_at).toEqual(t.clock.now());
  });

  it('a backlog over several tenants is worked off in batches, every clock once', async () => {
    const other = await t.tenant('第二租户');
    const ids: { tenant: string; ticket: string }[] = [];
    for (let i = 0; i < 7; i++) ids.push({ tenant: acme.id, ticket: await ticket(`积压工单 ${i}`) });
    for (let i = 0; i < 4; i++) {
      const res = await t.api(other.adminToken, 'POST', '/api/v1/tickets', { title: `第二租户工单 ${i}`, description: '网络故障', requester: { email: 'b@example.cn' } });
      ids.push({ tenant: other.id, ticket: res.json().id });
    }
    const start = t.clock.now();
    for (const x of ids) await clock(x.tenant, x.ticket, { minutes: 20, startedAt: start });
    setTime(at(start.getTime() + 15 * 60_000)); // past the warning (14 min), before the due time
    const rounds = [];
    for (let r = await sweep(3); ; r = await sweep(3)) {
      rounds.push(r);
      if (!r.full) break;
    }
    expect(rounds[0]).toMatchObject({ tenants: 2, warnings: 6, full: true });
    expect(rounds.reduce((n, r) => n + r.warnings, 0)).toBe(11);
    const counts = await t.db.system((q) =>
      q.query<{ ticket_id: string; n: number }>(`SELECT ticket_id, count(*)::int AS n FROM ticket_events WHERE kind = 'sla.warning' AND ticket_id = ANY($1::uuid[]) GROUP BY ticket_id`, [ids.map((x) => x.ticket)]),
    );
    expect(counts).toHaveLength(11);
    expect(counts.every((c) => c.n === 1)).toBe(true);
    // the events went out on the outbox as well, for automation and notifications
    const [{ n }] = await t.db.system((q) => q.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'sla.warning' AND tenant_id = $1`, [other.id]));
    expect(n).toBe(4);
  });
});
