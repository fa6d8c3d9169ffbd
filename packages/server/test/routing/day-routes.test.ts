import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayPlan, ROUTING_CONSUMER, startRouting } from '../../src/modules/routing';
import { replanOnOffer } from '../../src/modules/routing/replan-on-offer';
import type { OutboxMessage } from '../../src/platform/outbox/outbox-repository';
import { dispatchWorld, person, policy, rule, team, ticket, type DispatchWorld } from '../dispatch/helpers';
import { drainUntilPassed } from '../support/outbox-settle';

// Day route plans (路线规划) on a real database: an engineer's day in window order from home, a team's
// day with skills respected, and an urgent job re-planning the engineer's day exactly once.
const DAY = '2026-03-02'; // the test clock: 09:00 Asia/Shanghai, a Monday
const HOME: [number, number] = [31.2, 121.45];

describe('day route plans', () => {
  let w: DispatchWorld;
  let lifts: string;
  let zhang: { id: string; token: string };
  let li: { id: string; token: string };

  /** A field job assigned straight in the table (accepted), with its site and custom fields. */
  async function job(userId: string, site: [number, number], fields: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
    const tk = await ticket(w, { teamId: lifts, site: { lat: site[0], lng: site[1], address: '上海市某路' }, ...extra });
    await w.sql('UPDATE tickets SET custom_fields = custom_fields || $2::jsonb WHERE id = $1', [tk.id, JSON.stringify(fields)]);
    await w.sql(
      `INSERT INTO dispatch_assignments (id, tenant_id, ticket_id, user_id, kind, state, mode, offered_at, accepted_at) VALUES ($1, $2, $3, $4, 'field', 'accepted', 'manual', $5, $5)`,
      [randomUUID(), w.acme.id, tk.id, userId, w.t.clock.now()],
    );
    return tk.id;
  }

  beforeAll(async () => {
    w = await dispatchWorld('路线规划');
    startRouting({ deps: w.t.deps, outbox: w.outbox });
    lifts = await team(w, '电梯一组');
    zhang = await person(w, '张师傅', { teamIds: [lifts], skills: { 电梯维修: 4 }, home: HOME, shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } });
    li = await person(w, '李师傅', { teamIds: [lifts], skills: { 电梯维修: 3, 空调维修: 3 }, home: [31.25, 121.5], shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } });
    await policy(w, { scope: 'tenant', mode: 'manual' });
  });
  afterAll(async () => w?.close());

  it("an engineer's day: visits in window order, from now, within the shift, with a break and km", async () => {
    const late = await job(zhang.id, [31.21, 121.46], { visitWindow: '14:00-15:00' });
    const early = await job(zhang.id, [31.3, 121.5], { visitFrom: '10:00', visitTo: '11:00' });
    const any = await job(zhang.id, [31.22, 121.47]);
    const tomorrow = await job(zhang.id, [31.22, 121.47], { visitDate: '2026-03-03' });
    const res = await w.t.api(zhang.token, 'GET', `/api/v1/routes/day?userId=${zhang.id}&date=${DAY}`);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ userId: zhang.id, date: DAY, reason: 'request', unplanned: [] });
    const ids = plan.stops.map((s: { ticketId: string }) => s.ticketId);
    expect(ids).toHaveLength(3);
    expect(ids).not.toContain(tomorrow);
    expect(ids.indexOf(early)).toBeLessThan(ids.indexOf(late));
    const at = (id: string) => plan.stops.find((s: { ticketId: string }) => s.ticketId === id);
    expect(Date.parse(at(early).startAt)).toBeGreaterThanOrEqual(Date.parse('2026-03-02T02:00:00Z'));
    expect(Date.parse(at(early).startAt)).toBeLessThanOrEqual(Date.parse('2026-03-02T03:00:00Z'));
    expect(Date.parse(at(late).startAt)).toBeGreaterThanOrEqual(Date.parse('2026-03-02T06:00:00Z'));
    for (const s of plan.stops) {
      expect(Date.parse(s.startAt)).toBeGreaterThanOrEqual(Date.parse('2026-03-02T01:00:00Z')); // not before now (09:00)
      expect(Date.parse(s.endAt)).toBeLessThanOrEqual(Date.parse('2026-03-02T10:00:00Z')); // the shift ends 18:00
      expect(s.travelKm).toBeGreaterThanOrEqual(0);
    }
    expect(any).toBeDefined();
    expect(plan.km).toBeGreaterThan(0);
    expect(plan.break).not.toBeNull();
    // stored: the phone reads the same plan
    const again = await w.t.api(zhang.token, 'GET', `/api/v1/routes/day?userId=${zhang.id}&date=${DAY}`);
    expect(again.json().planned_at).toBe(plan.planned_at);
    const read = await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, zhang.id, DAY));
    expect(read?.stops.map((s) => s.ticketId)).toEqual(ids);
    expect(await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, zhang.id, '2026-03-09'))).toBeNull();
  });

  it('a day without a shift (Saturday for a Monday–Friday engineer) is an empty day, not an error', async () => {
    const sat = await job(zhang.id, [31.22, 121.47], { visitDate: '2026-03-07' });
    const res = await w.t.api(w.acme.adminToken, 'GET', `/api/v1/routes/day?userId=${zhang.id}&date=2026-03-07`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stops: [], break: null, unplanned: [{ ticketId: sat, reason: 'no_time' }] });
    await w.sql(`UPDATE dispatch_assignments SET state = 'released', ended_at = $2 WHERE ticket_id = $1`, [sat, w.t.clock.now()]);
  });

  it("only admins and supervisors see another person's route; a bad date is a 400", async () => {
    expect((await w.t.api(li.token, 'GET', `/api/v1/routes/day?userId=${zhang.id}&date=${DAY}`)).statusCode).toBe(403);
    expect((await w.t.api(w.acme.adminToken, 'GET', `/api/v1/routes/day?userId=${zhang.id}&date=${DAY}`)).statusCode).toBe(200);
    const bad = await w.t.api(w.acme.adminToken, 'GET', `/api/v1/routes/day?userId=${zhang.id}&date=2026-13-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('date');
    expect((await w.t.api(w.acme.adminToken, 'GET', `/api/v1/routes/day?userId=${zhang.id}&date=2026-02-31`)).statusCode).toBe(400);
  });

  it('a team plan shares the jobs out again, a job needing a skill only to the engineer who has it', async () => {
    await rule(w, '空调需空调维修', { channels: ['phone'] }, { skill: '空调维修' });
    const aircon = await job(zhang.id, [31.26, 121.51], {}, { channel: 'phone' });
    const res = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/routes/plan-team', { teamId: lifts, date: DAY });
    expect(res.statusCode).toBe(200);
    const plans = res.json().plans as { userId: string; reason: string; stops: { ticketId: string; reassignFrom?: string }[]; unplanned: unknown[] }[];
    expect(plans.map((p) => p.userId).sort()).toEqual([zhang.id, li.id].sort());
    const liPlan = plans.find((p) => p.userId === li.id)!;
    expect(liPlan.stops.find((s) => s.ticketId === aircon)).toMatchObject({ reassignFrom: zhang.id });
    expect(plans.find((p) => p.userId === zhang.id)!.stops.map((s) => s.ticketId)).not.toContain(aircon);
    expect(plans.flatMap((p) => p.stops)).toHaveLength(4); // three of the first test and the 空调 job (tomorrow's is not today)
    expect(plans.flatMap((p) => p.unplanned)).toEqual([]);
    expect(plans.every((p) => p.reason === 'team')).toBe(true);
    expect((await w.t.api(zhang.token, 'POST', '/api/v1/routes/plan-team', { teamId: lifts, date: DAY })).statusCode).toBe(403);
    const unknown = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/routes/plan-team', { teamId: randomUUID(), date: DAY });
    expect(unknown.statusCode).toBe(400);
    // the dispatch map reads the stored plans of the day
    const listed = await w.t.api(w.acme.adminToken, 'GET', `/api/v1/routes/plans?date=${DAY}`);
    expect(listed.json().items.map((p: { userId: string }) => p.userId).sort()).toEqual([zhang.id, li.id].sort());
    expect((await w.t.api(zhang.token, 'GET', `/api/v1/routes/plans?date=${DAY}`)).statusCode).toBe(403);
  });

  it('an urgent job offered to an engineer re-plans their day once, even when delivered twice at once', async () => {
    await w.sql(`UPDATE dispatch_policies SET mode = 'scored'`);
    const tk = await ticket(w, { teamId: lifts, priority: 'urgent', site: { lat: 31.24, lng: 121.48 } });
    await w.settle();
    const [msg] = await w.t.db.system((q) =>
      q.query<OutboxMessage>(`SELECT id, tenant_id AS "tenantId", event_id AS "eventId", topic, payload, created_at AS "createdAt", 0 AS attempts FROM outbox WHERE topic = 'dispatch.offered' AND payload->>'ticketId' = $1`, [tk.id]),
    );
    expect(msg).toBeDefined();
    const userId = (msg.payload.data as { userId: string }).userId;
    await drainUntilPassed(w.t.db, w.outbox, [ROUTING_CONSUMER]);
    const plan = await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, userId, DAY));
    expect(plan?.reason).toBe('urgent');
    expect(plan?.stops.map((s) => s.ticketId)).toContain(tk.id);
    // delivered again, twice at once: no second re-plan
    w.t.clock.advance(60_000);
    await Promise.all([replanOnOffer(w.t.deps, [msg]), replanOnOffer(w.t.deps, [msg])]);
    const [n] = await w.sql(`SELECT count(*)::int AS n FROM route_replans WHERE user_id = $1`, [userId]);
    expect(n.n).toBe(1);
    expect((await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, userId, DAY)))?.planned_at).toBe(plan?.planned_at);
  });

  it('a job handed to someone else leaves the giver’s planned day', async () => {
    const moving = await job(zhang.id, [31.23, 121.46]);
    const staying = await job(zhang.id, [31.21, 121.44]);
    // the day planned afresh at zhang's request holds both
    await w.sql('DELETE FROM route_plans WHERE user_id = $1', [zhang.id]);
    expect((await w.t.api(zhang.token, 'GET', `/api/v1/routes/day?userId=${zhang.id}&date=${DAY}`)).json().stops.map((x: { ticketId: string }) => x.ticketId)).toEqual(expect.arrayContaining([moving, staying]));
    w.t.clock.advance(60_000);
    const res = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${moving}/dispatch`, { userId: li.id, reason: '客户要求换人' });
    expect(res.statusCode, res.body).toBe(200);
    await drainUntilPassed(w.t.db, w.outbox, [ROUTING_CONSUMER]);
    const plan = await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, zhang.id, DAY));
    expect(plan?.reason).toBe('assigned');
    expect(plan?.stops.map((x) => x.ticketId)).toContain(staying);
    expect(plan?.stops.map((x) => x.ticketId)).not.toContain(moving);
  });
});
