import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeStep, sweepSla } from '../../src/modules/sla';
import { minutes, POLICY, slaWorld, type SlaWorld } from './helpers';

// The bulk recomputation (simulated time): a policy, settings or calendar change recomputes every open
// ticket's clocks from its history — without any change to the tickets — chunk by chunk; closed tickets
// are left alone; a change during a pass starts it again. Each test has its own tenant.

let w: SlaWorld;
beforeAll(async () => {
  w = await slaWorld('SLA重算测试');
});
afterAll(() => w.close());

let seq = 0;
async function tenant(name: string) {
  const tn = await w.t.tenant(name);
  const api = (method: string, url: string, body?: unknown) => w.t.api(tn.adminToken, method, url, body);
  const sql = <T = any>(text: string, params?: unknown[]) => w.t.db.tenant(tn.id, (q) => q.query<T>(text, params));
  const ticket = async (body: Record<string, unknown> = {}) => {
    const res = await api('POST', '/api/v1/tickets', { title: `空调不制冷 ${++seq}`, description: '会议室空调不制冷，请尽快派人', requester: { email: `kehu${seq}@example.cn`, name: `客户${seq}` }, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const policy = async (body: Record<string, unknown> = POLICY) => {
    const res = await api('POST', '/api/v1/sla/policies', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const clocks = (ticketId: string) => sql<{ metric: string; due_at: Date | null; warned_at: Date | null; version: number }>(`SELECT metric, due_at, warned_at, version FROM ticket_sla WHERE ticket_id = $1 ORDER BY metric`, [ticketId]);
  const status = async () => (await api('GET', '/api/v1/sla/recompute')).json();
  return { ...tn, api, sql, ticket, policy, clocks, status };
}

/** Chunks until no job is left (at most `max`); the number of chunks. */
async function runJobs(chunk = 500, max = 100) {
  let steps = 0;
  while (steps < max) {
    const r = await recomputeStep(w.t.deps, { chunk });
    if (!r.tenantId) return steps;
    steps++;
  }
  throw new Error('the recomputation did not finish');
}

const events = (x: Awaited<ReturnType<typeof tenant>>, ticketId: string, kind: string) =>
  x.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1 AND kind = $2`, [ticketId, kind]).then((r) => r[0].n);

describe('SLA bulk recomputation after a policy change (PGlite / PostgreSQL)', () => {
  it('a chunk of 2 over 5 open tickets finishes in 3 steps; the progress says running, then idle', async () => {
    const x = await tenant('重算五张');
    for (let i = 0; i < 5; i++) await x.ticket();
    await w.settle();
    expect(await x.status()).toMatchObject({ state: 'idle', generation: 0, ticketsDone: 0 });
    await x.policy();
    expect(await x.status()).toMatchObject({ state: 'running', generation: 1, ticketsDone: 0, ticketsTotal: 5, requestedAt: w.t.clock.now().toISOString() });
    const first = await recomputeStep(w.t.deps, { chunk: 2 });
    expect(first).toEqual({ tenantId: x.id, tickets: 2, finished: false });
    expect(await x.status()).toMatchObject({ state: 'running', ticketsDone: 2, ticketsTotal: 5 });
    expect(await recomputeStep(w.t.deps, { chunk: 2 })).toEqual({ tenantId: x.id, tickets: 2, finished: false });
    expect(await recomputeStep(w.t.deps, { chunk: 2 })).toEqual({ tenantId: x.id, tickets: 1, finished: true });
    expect(await recomputeStep(w.t.deps, { chunk: 2 })).toEqual({ tenantId: null, tickets: 0, finished: false });
    expect(await x.status()).toMatchObject({ state: 'idle', ticketsDone: 5, ticketsTotal: 0, finishedAt: w.t.clock.now().toISOString() });
    // the tickets created before the policy now have their clocks
    const [{ n }] = await x.sql<{ n: number }>(`SELECT count(DISTINCT ticket_id)::int AS n FROM ticket_sla`);
    expect(n).toBe(5);
  });

  it('a shortened target gives an open ticket an earlier due time without any change to the ticket', async () => {
    const x = await tenant('重算缩短');
    const p = await x.policy();
    const t = await x.ticket({ priority: 'urgent' });
    await w.settle();
    await runJobs();
    const start = w.t.clock.now().getTime();
    const before = await x.clocks(t.id);
    expect(before.map((c) => [c.metric, c.due_at!.getTime() - start])).toEqual([
      ['first_response', 15 * 60_000],
      ['resolution', 240 * 60_000],
    ]);
    const [{ updated_at: updatedBefore, n: eventsBefore }] = await x.sql(`SELECT updated_at, (SELECT count(*)::int FROM ticket_events WHERE ticket_id = $1) AS n FROM tickets WHERE id = $1`, [t.id]);
    minutes(w, 10);
    const shorter = { ...POLICY, targets: { ...POLICY.targets, urgent: { first_response: { minutes: 15, business: false }, resolution: { minutes: 120, business: false } } } };
    expect((await x.api('PUT', `/api/v1/sla/policies/${p.id}`, shorter)).statusCode).toBe(200);
    // nothing moves until the job runs: the change answers at once
    expect((await x.clocks(t.id)).find((c) => c.metric === 'resolution')!.due_at!.getTime() - start).toBe(240 * 60_000);
    expect(await runJobs()).toBe(1);
    const res = (await x.clocks(t.id)).find((c) => c.metric === 'resolution')!;
    expect(res.due_at!.getTime() - start).toBe(120 * 60_000); // from creation, not from the edit
    const [view] = await x.sql(`SELECT updated_at, sla_due_at, (SELECT count(*)::int FROM ticket_events WHERE ticket_id = $1) AS n FROM tickets WHERE id = $1`, [t.id]);
    expect(view).toMatchObject({ updated_at: updatedBefore, n: eventsBefore, sla_due_at: new Date(start + 15 * 60_000) });
  });

  it('a deleted policy removes the clocks of open tickets; closed tickets are untouched', async () => {
    const x = await tenant('重算删除');
    const p = await x.policy();
    const open = await x.ticket();
    const closed = await x.ticket();
    minutes(w, 5);
    expect((await x.api('POST', `/api/v1/tickets/${closed.id}/comments`, { body: '已远程处理完毕' })).statusCode).toBe(201);
    expect((await x.api('PATCH', `/api/v1/tickets/${closed.id}`, { status: 'closed' })).statusCode).toBe(200);
    await w.settle();
    await runJobs();
    const closedBefore = await x.clocks(closed.id);
    expect(closedBefore.length).toBe(2);
    expect((await x.clocks(open.id)).length).toBe(2);
    expect((await x.api('DELETE', `/api/v1/sla/policies/${p.id}`)).statusCode).toBe(204);
    await runJobs();
    expect(await x.clocks(open.id)).toEqual([]);
    const [{ sla_state }] = await x.sql(`SELECT sla_state FROM tickets WHERE id = $1`, [open.id]);
    expect(sla_state).toBeNull();
    expect(await x.clocks(closed.id)).toEqual(closedBefore);
  });

  it('a second edit during a running pass starts it again from the first ticket', async () => {
    const x = await tenant('重算重启');
    for (let i = 0; i < 5; i++) await x.ticket();
    await w.settle();
    const p = await x.policy();
    await recomputeStep(w.t.deps, { chunk: 2 });
    await recomputeStep(w.t.deps, { chunk: 2 });
    expect(await x.status()).toMatchObject({ state: 'running', generation: 1, ticketsDone: 4 });
    expect((await x.api('PUT', `/api/v1/sla/settings`, { pauseStatuses: ['pending'] })).statusCode).toBe(200);
    expect(await x.status()).toMatchObject({ state: 'running', generation: 2, ticketsDone: 0, startedAt: null });
    expect((await x.api('PUT', `/api/v1/sla/policies/${p.id}`, { ...POLICY, name: '标准服务（修订）' })).statusCode).toBe(200);
    expect(await runJobs(2)).toBe(3); // 2 + 2 + 1 from the beginning
    expect(await x.status()).toMatchObject({ state: 'idle', generation: 3, ticketsDone: 5 });
  });

  it('a kept warning is not sent again; a policy giving more time clears it and the sweep warns at the new moment', async () => {
    const x = await tenant('重算预警');
    const sixty = { ...POLICY, targets: { normal: { first_response: { minutes: 60, business: false } } } };
    const p = await x.policy(sixty);
    const t = await x.ticket();
    await w.settle();
    await runJobs();
    minutes(w, 45); // the warning moment (30% left) was at 42 minutes
    expect((await sweepSla(w.t.deps, { limit: 100 })).warnings).toBeGreaterThanOrEqual(1);
    expect(await events(x, t.id, 'sla.warning')).toBe(1);
    // a change that leaves the clock past its warning keeps the warning: no second one
    expect((await x.api('PUT', `/api/v1/sla/policies/${p.id}`, { ...sixty, name: '标准服务（改名）' })).statusCode).toBe(200);
    await runJobs();
    await w.settle();
    await sweepSla(w.t.deps, { limit: 100 });
    expect(await events(x, t.id, 'sla.warning')).toBe(1);
    // 120 minutes: the warning moment moves to 84 minutes; the fired warning is cleared
    const longer = { ...sixty, name: '标准服务（延长）', targets: { normal: { first_response: { minutes: 120, business: false } } } };
    expect((await x.api('PUT', `/api/v1/sla/policies/${p.id}`, longer)).statusCode).toBe(200);
    await runJobs();
    expect((await x.clocks(t.id))[0].warned_at).toBeNull();
    await sweepSla(w.t.deps, { limit: 100 });
    expect(await events(x, t.id, 'sla.warning')).toBe(1);
    minutes(w, 40); // 85 minutes after creation
    await w.settle();
    await sweepSla(w.t.deps, { limit: 100 });
    expect(await events(x, t.id, 'sla.warning')).toBe(2);
    await sweepSla(w.t.deps, { limit: 100 });
    expect(await events(x, t.id, 'sla.warning')).toBe(2);
  });

  it('editing a calendar a policy counts business time on recomputes its open tickets; an unused calendar does not', async () => {
    const x = await tenant('重算日历');
    const day = [['09:00', '18:00']];
    const week = { '1': day, '2': day, '3': day, '4': day, '5': day, '6': [], '7': [] };
    const office = (await x.api('POST', '/api/v1/calendars', { name: '工作日 9:00–18:00', week })).json();
    const other = (await x.api('POST', '/api/v1/calendars', { name: '7×24 热线', alwaysOpen: true })).json();
    await x.policy({ name: '工作时间服务', calendarId: office.id, targets: { normal: { resolution: { minutes: 120, business: true } } } });
    w.t.clock.advance(Date.parse('2026-03-03T01:00:00Z') - w.t.clock.now().getTime()); // Tuesday 3 March 2026, 09:00 in Shanghai
    const t = await x.ticket();
    await w.settle();
    await runJobs();
    expect((await x.clocks(t.id))[0].due_at).toEqual(new Date('2026-03-03T03:00:00Z')); // 11:00
    const generation = (await x.status()).generation;
    expect((await x.api('PUT', `/api/v1/calendars/${other.id}`, { name: '7×24 热线', alwaysOpen: true })).statusCode).toBe(200);
    await w.settle();
    expect(await x.status()).toMatchObject({ state: 'idle', generation });
    // a lunch break of three hours: 09:00–10:00, 13:00–18:00
    const split = [['09:00', '10:00'], ['13:00', '18:00']];
    const put = await x.api('PUT', `/api/v1/calendars/${office.id}`, { name: '工作日 9:00–18:00', week: { ...week, '1': split, '2': split } });
    expect(put.statusCode, put.body).toBe(200);
    await w.settle();
    expect(await x.status()).toMatchObject({ state: 'running', generation: generation + 1 });
    await runJobs();
    expect((await x.clocks(t.id))[0].due_at).toEqual(new Date('2026-03-03T06:00:00Z')); // 14:00
  });
});
