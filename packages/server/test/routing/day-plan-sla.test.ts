import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayPlan, ROUTING_CONSUMER, startRouting } from '../../src/modules/routing';
import { onSiteSlaPolicy, person, policy, team, ticket, slaDispatchWorld, type DispatchWorld } from '../dispatch/helpers';
import { drainUntilPassed } from '../support/outbox-settle';

// An engineer's day plan keeps what dispatch promised: the SLA's deadline for reaching the site (the
// order 插单 assumes), the visit booked with the customer (预约上门), and every job dispatch gives once
// the day has a plan. The test clock: 09:00 Asia/Shanghai, Monday 2026-03-02.
const DAY = '2026-03-02';
const at = (hhmm: string, day = DAY) => Date.parse(`${day}T${hhmm}:00+08:00`);

describe('day plans keep SLA deadlines and booked visits', () => {
  let w: DispatchWorld;
  let g: string;
  type Stop = { ticketId: string; startAt: string; slaDueAt?: string; late?: true };

  beforeAll(async () => {
    w = await slaDispatchWorld('路线与时限');
    startRouting({ deps: w.t.deps, outbox: w.outbox });
    await onSiteSlaPolicy(w, '上门时限', { urgent: 45, high: 60, normal: 2000, low: 2000 }, { resolution: 2880 });
    g = await team(w, '电梯维保组');
    await policy(w, { scope: 'tenant', mode: 'manual' });
  });
  afterAll(async () => w?.close());

  const settle = async () => {
    await w.settle();
    await drainUntilPassed(w.t.db, w.outbox, [ROUTING_CONSUMER]);
  };
  async function assigned(userId: string, priority: string, lat: number, lng: number) {
    const tk = await ticket(w, { teamId: g, priority, site: { lat, lng, address: '上海市某路' } });
    await settle();
    const res = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId });
    expect(res.statusCode).toBe(200);
    return tk.id;
  }

  it('visits the job whose SLA runs out first though the nearer one is on the way, and plans a deadline no order keeps as late', async () => {
    // 张师傅 is at the north end of the city (his phone says so) and goes home to the south at night
    const zhang = await person(w, '张师傅', { teamIds: [g], home: [31.2, 121.45], capacity: { field: 5 }, shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } });
    expect((await w.t.api(zhang.token, 'POST', '/api/v1/me/location', { lat: 31.33, lng: 121.45, accuracy: 10 })).statusCode).toBe(204);
    const near = await assigned(zhang.id, 'normal', 31.325, 121.45); // beside him, an hour on site, no hurry
    const south = await assigned(zhang.id, 'high', 31.21, 121.45); // near home, to be reached by 10:00
    const far = await assigned(zhang.id, 'urgent', 31.6, 121.45); // 45 minutes, 39 km off: nobody gets there in time
    const res = await w.t.api(zhang.token, 'GET', `/api/v1/routes/day?userId=${zhang.id}&date=${DAY}`);
    expect(res.statusCode).toBe(200);
    const plan = res.json() as { stops: Stop[]; unplanned: unknown[] };
    expect(plan.unplanned).toEqual([]);
    const ids = plan.stops.map((s) => s.ticketId);
    expect(ids.sort()).toEqual([near, south, far].sort());
    const stop = (id: string) => plan.stops.find((s) => s.ticketId === id)!;
    // by distance alone the near job comes first (north to south, home at the end); the deadline turns it round
    expect(plan.stops.indexOf(stop(south))).toBeLessThan(plan.stops.indexOf(stop(near)));
    expect(Date.parse(stop(south).slaDueAt!)).toBe(at('10:00'));
    expect(Date.parse(stop(south).startAt)).toBeLessThanOrEqual(at('10:00'));
    expect(stop(south).late).toBeUndefined();
    expect(stop(far)).toMatchObject({ late: true });
    expect(Date.parse(stop(far).startAt)).toBeGreaterThan(Date.parse(stop(far).slaDueAt!));
    expect(stop(near).slaDueAt).toBeDefined();
    expect(stop(near).late).toBeUndefined();
  });

  it('keeps the visit booked with the customer, on its day', async () => {
    const li = await person(w, '李师傅', { teamIds: [g], home: [31.25, 121.5], capacity: { field: 5 }, shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } });
    const booked = await assigned(li.id, 'normal', 31.26, 121.5);
    const free = await assigned(li.id, 'normal', 31.27, 121.51);
    const tomorrow = await assigned(li.id, 'normal', 31.28, 121.52);
    const book = (id: string, from: string, to: string, day = DAY) => w.t.api(li.token, 'PUT', `/api/v1/field/jobs/${id}/visit`, { windowStart: new Date(at(from, day)).toISOString(), windowEnd: new Date(at(to, day)).toISOString() });
    expect((await book(booked, '15:00', '16:00')).statusCode).toBe(200);
    expect((await book(tomorrow, '09:00', '10:00', '2026-03-03')).statusCode).toBe(200);
    const plan = (await w.t.api(li.token, 'GET', `/api/v1/routes/day?userId=${li.id}&date=${DAY}`)).json() as { stops: Stop[] };
    expect(plan.stops.map((s) => s.ticketId).sort()).toEqual([booked, free].sort());
    const start = Date.parse(plan.stops.find((s) => s.ticketId === booked)!.startAt);
    expect(start).toBeGreaterThanOrEqual(at('15:00'));
    expect(start).toBeLessThanOrEqual(at('16:00'));
    const next = (await w.t.api(li.token, 'GET', `/api/v1/routes/day?userId=${li.id}&date=2026-03-03`)).json() as { stops: Stop[] };
    expect(next.stops.map((s) => s.ticketId)).toEqual([tomorrow]);
    expect(Date.parse(next.stops[0].startAt)).toBeGreaterThanOrEqual(at('09:00', '2026-03-03'));

    // the customer moves tomorrow's visit to this afternoon: both days, planned already, are planned again
    w.t.clock.advance(60_000);
    expect((await book(tomorrow, '13:30', '14:30')).statusCode).toBe(200);
    await settle();
    const today = await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, li.id, DAY));
    expect(today).toMatchObject({ reason: 'assigned' });
    expect(today!.stops.map((s) => s.ticketId).sort(), JSON.stringify(today)).toEqual([booked, free, tomorrow].sort());
    const moved = Date.parse(today!.stops.find((s) => s.ticketId === tomorrow)!.startAt);
    expect(moved).toBeGreaterThanOrEqual(at('13:30'));
    expect(moved).toBeLessThanOrEqual(at('14:30'));
    expect((await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, li.id, '2026-03-03')))?.stops).toEqual([]);
  });

  it('a job given to an engineer whose day has a plan re-plans it; a day without a plan stays unplanned', async () => {
    const wang = await person(w, '王师傅', { teamIds: [g], home: [31.22, 121.48], capacity: { field: 5 } });
    const zhao = await person(w, '赵师傅', { teamIds: [g], home: [31.22, 121.49], capacity: { field: 5 } });
    await assigned(wang.id, 'normal', 31.23, 121.48);
    const first = (await w.t.api(wang.token, 'GET', `/api/v1/routes/day?userId=${wang.id}&date=${DAY}`)).json();
    expect(first.reason).toBe('request');
    w.t.clock.advance(60_000);
    const added = await assigned(wang.id, 'normal', 31.24, 121.48);
    await assigned(zhao.id, 'normal', 31.24, 121.49);
    await settle();
    const plan = await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, wang.id, DAY));
    expect(plan?.reason).toBe('assigned');
    expect(plan?.stops.map((s) => s.ticketId)).toContain(added);
    expect(plan?.planned_at).not.toBe(first.planned_at);
    expect(await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, zhao.id, DAY))).toBeNull();

    // a ticket booked with the customer for tomorrow before anyone has it: given to 王师傅, tomorrow's plan takes it
    const NEXT = '2026-03-03';
    expect((await w.t.api(wang.token, 'GET', `/api/v1/routes/day?userId=${wang.id}&date=${NEXT}`)).json().reason).toBe('request');
    const tk = await ticket(w, { teamId: g, priority: 'normal', site: { lat: 31.25, lng: 121.48, address: '上海市某路' } });
    await settle();
    const window = { windowStart: new Date(at('10:00', NEXT)).toISOString(), windowEnd: new Date(at('11:00', NEXT)).toISOString() };
    expect((await w.t.api(w.acme.adminToken, 'PUT', `/api/v1/field/jobs/${tk.id}/visit`, window)).statusCode).toBe(200);
    w.t.clock.advance(60_000);
    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: wang.id })).statusCode).toBe(200);
    await settle();
    const tomorrow = await w.t.db.tenant(w.acme.id, (q) => dayPlan(q, wang.id, NEXT));
    expect(tomorrow?.reason).toBe('assigned');
    expect(tomorrow?.stops.map((s) => s.ticketId)).toEqual([tk.id]);
  });
});
