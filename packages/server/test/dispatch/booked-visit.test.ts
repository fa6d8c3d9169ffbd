import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPool } from '../../src/modules/dispatch/assignment/load-pool';
import { appendOutbox } from '../../src/platform/outbox/append-outbox';
import { dispatchOf, dispatchWorld, eventKinds, person, policy, rule, team, ticket, type DispatchWorld } from './helpers';

// Work kept with its engineer past a shift's end. A visit booked with the customer (预约上门, the field
// module's field.visit_booked): the shift's end and 下班 do not hand it back until its window is over,
// and booked for a later day it counts in that day's load, not today's. Work forced to someone already
// off shift (for tomorrow): kept until the end of their next shift. The test clock: 09:00
// Asia/Shanghai, Monday 2026-03-02.
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

describe('work kept with its engineer past the end of a shift', () => {
  let w: DispatchWorld;
  let g: string;
  beforeAll(async () => {
    w = await dispatchWorld('预约上门');
    g = await team(w, '电梯维保组');
    await policy(w, { scope: 'tenant', mode: 'manual', acceptTimeoutS: 3600 }); // offers wait for 接单
  });
  afterAll(async () => w?.close());

  const site = { lat: 31.23, lng: 121.47, address: '上海市黄浦区南京东路 100 号' };
  const give = async (userId: string) => {
    const tk = await ticket(w, { teamId: g, site });
    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId })).statusCode).toBe(200);
    return tk.id;
  };
  const book = async (token: string, ticketId: string, from: Date, to: Date) => {
    const res = await w.t.api(token, 'PUT', `/api/v1/field/jobs/${ticketId}/visit`, { windowStart: from.toISOString(), windowEnd: to.toISOString() });
    expect(res.statusCode, res.body).toBe(200);
  };
  const fieldLoad = (userId: string) => w.t.db.tenant(w.acme.id, async (q) => (await loadPool(q, w.t.clock.now())).byId.get(userId)?.load.field);

  it("booked for tomorrow (by the engineer: taken, 接单; by the 坐席 before dispatch gave it): kept at the shift's end, counted tomorrow; an unbooked visit and one whose window is over go back", async () => {
    const zheng = await person(w, '郑师傅', { teamIds: [g], home: [31.2, 121.4], capacity: { field: 4 }, shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } });
    const unbooked = await give(zheng.id);
    const past = await give(zheng.id);
    const tomorrow = await give(zheng.id);
    // booked by the 坐席 with the customer before anyone had it, then given to him
    const bookedFirst = (await ticket(w, { teamId: g, site })).id;
    await book(w.acme.adminToken, bookedFirst, at('2026-03-03', '14:00'), at('2026-03-03', '15:00'));
    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${bookedFirst}/dispatch`, { userId: zheng.id })).statusCode).toBe(200);
    for (const id of [past, unbooked, bookedFirst]) expect((await w.t.api(zheng.token, 'POST', `/api/v1/tickets/${id}/dispatch/accept`)).statusCode).toBe(200);
    await book(zheng.token, tomorrow, at('2026-03-03', '09:00'), at('2026-03-03', '11:00'));
    await book(w.acme.adminToken, past, at('2026-03-02', '10:00'), at('2026-03-02', '11:00'));
    await w.settle();
    // booking it is taking it: the offer answered once, even when the event comes again
    expect((await dispatchOf(w, tomorrow)).current).toMatchObject({ userId: zheng.id, state: 'accepted' });
    expect((await eventKinds(w, tomorrow)).filter((k) => k === 'dispatch.accepted')).toHaveLength(1);
    // tomorrow's visits are not today's load: two of four; nor his current job on the map
    expect(await fieldLoad(zheng.id)).toBe(2);
    // 插单 plans today's booked visit from its window's start (10:00), not as if it could be done now
    const stops = await w.t.db.tenant(w.acme.id, async (q) => (await loadPool(q, w.t.clock.now())).byId.get(zheng.id)?.stops);
    expect(stops?.find((st) => st.ticketId === past)?.notBefore?.toISOString()).toBe(at('2026-03-02', '10:00').toISOString());
    expect(stops?.find((st) => st.ticketId === unbooked)?.notBefore).toBeNull();
    const board = (await w.t.api(w.acme.adminToken, 'GET', '/api/v1/dispatch/board')).json();
    expect(board.engineers.find((e: { id: string }) => e.id === zheng.id).currentJob.ticketId).toBe(unbooked);

    w.t.clock.set(at('2026-03-02', '18:30'));
    await w.dispatch.sweep();
    expect((await dispatchOf(w, tomorrow)).current).toMatchObject({ userId: zheng.id, state: 'accepted' });
    expect((await dispatchOf(w, bookedFirst)).current).toMatchObject({ userId: zheng.id, state: 'accepted' });
    for (const id of [past, unbooked]) expect((await dispatchOf(w, id)).current).toBeNull();
    expect(await eventKinds(w, tomorrow)).not.toContain('dispatch.handed_back');

    w.t.clock.set(at('2026-03-03', '08:30'));
    expect(await fieldLoad(zheng.id)).toBe(2);
  });

  it('下班 keeps a booked visit; a supervisor booking an offer leaves it to be answered; a visit booked for someone else changes nothing', async () => {
    w.t.clock.set(at('2026-03-04', '09:00'));
    const qian = await person(w, '钱师傅', { teamIds: [g], home: [31.2, 121.4] });
    const sun = await person(w, '孙师傅', { teamIds: [g], home: [31.2, 121.4] });
    const booked = await give(qian.id);
    await book(w.acme.adminToken, booked, at('2026-03-04', '15:00'), at('2026-03-04', '16:00'));
    const other = await give(sun.id);
    await w.settle();
    expect((await dispatchOf(w, booked)).current).toMatchObject({ userId: qian.id, state: 'offered' });
    // a 预约 event naming someone who does not hold the ticket (replayed from before a reassignment)
    await w.t.db.tenant(w.acme.id, (q) =>
      appendOutbox(q, [{ tenantId: w.acme.id, eventId: randomUUID(), topic: 'field.visit_booked', at: w.t.clock.now(),
        payload: { tenantId: w.acme.id, ticketId: other, actor: { type: 'user', id: qian.id }, data: { userId: qian.id, windowStart: at('2026-03-05', '09:00').toISOString(), windowEnd: at('2026-03-05', '10:00').toISOString() } } }]),
    );
    await w.settle();
    expect((await w.sql('SELECT booked_start FROM dispatch_assignments WHERE ticket_id = $1', [other]))[0].booked_start).toBeNull();

    for (const p of [qian, sun]) {
      await w.sql(`UPDATE dispatch_profiles SET status = 'off_shift' WHERE user_id = $1`, [p.id]);
      await w.t.db.tenant(w.acme.id, (q) => appendOutbox(q, [{ tenantId: w.acme.id, eventId: randomUUID(), topic: 'dispatch.status_changed', payload: { tenantId: w.acme.id, userId: p.id, status: 'off_shift' }, at: w.t.clock.now() }]));
    }
    await w.settle();
    expect((await dispatchOf(w, booked)).current).toMatchObject({ userId: qian.id, state: 'offered' });
    expect((await dispatchOf(w, other)).current).toBeNull();
  });

  it('a booked visit follows its ticket to another engineer: theirs to book again and keep, no longer the first one’s to record', async () => {
    w.t.clock.set(at('2026-03-04', '10:00'));
    const zhou = await person(w, '周师傅', { teamIds: [g], home: [31.2, 121.4] });
    const wu = await person(w, '吴师傅', { teamIds: [g], home: [31.2, 121.4] });
    const tk = await give(zhou.id);
    expect((await w.t.api(zhou.token, 'POST', `/api/v1/tickets/${tk}/dispatch/accept`)).statusCode).toBe(200);
    await book(zhou.token, tk, at('2026-03-05', '09:00'), at('2026-03-05', '11:00'));
    await w.settle();
    // the supervisor gives it to 吴师傅; the customer then moves the appointment with him
    const moved = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk}/dispatch`, { userId: wu.id, reason: '周师傅请假' });
    expect(moved.statusCode, moved.body).toBe(200);
    await w.settle();
    const rebooked = await w.t.api(wu.token, 'PUT', `/api/v1/field/jobs/${tk}/visit`, { windowStart: at('2026-03-05', '14:00').toISOString(), windowEnd: at('2026-03-05', '16:00').toISOString() });
    expect(rebooked.statusCode, rebooked.body).toBe(200);
    expect(rebooked.json().userId).toBe(wu.id);
    // the same start, a longer window: "moved from" only when the start moved
    await book(wu.token, tk, at('2026-03-05', '14:00'), at('2026-03-05', '17:00'));
    const booked = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk}/events?limit=500`)).json().items.filter((e: { kind: string }) => e.kind === 'field.visit_booked');
    expect(booked.map((e: { data: { userId: string; previousStart?: string } }) => [e.data.userId, e.data.previousStart ?? null])).toEqual(
      expect.arrayContaining([[zhou.id, null], [wu.id, at('2026-03-05', '09:00').toISOString()], [wu.id, null]]),
    );
    expect(booked).toHaveLength(3);
    await w.settle();
    // his booking answers his offer and is kept with his assignment (the event names him, not 周师傅)
    expect((await dispatchOf(w, tk)).current).toMatchObject({ userId: wu.id, state: 'accepted' });
    const [row] = await w.sql('SELECT booked_start FROM dispatch_assignments WHERE ticket_id = $1 AND user_id = $2', [tk, wu.id]);
    expect(new Date(row.booked_start).toISOString()).toBe(at('2026-03-05', '14:00').toISOString());
    // 周师傅 no longer records its steps (told it went to someone else); 吴师傅 does
    const step = (token: string) => w.t.api(token, 'POST', `/api/v1/field/jobs/${tk}/steps`, { opId: randomUUID(), kind: 'depart', at: w.t.clock.now().toISOString() });
    const refused = await step(zhou.token);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'DISPATCH_REASSIGNED']);
    expect((await step(wu.token)).statusCode).toBe(200);
    expect((await w.sql('SELECT user_id FROM field_visits WHERE ticket_id = $1', [tk]))[0].user_id).toBe(wu.id);
  });

  it('a certification must be valid on the day of a booked visit, not only today', async () => {
    // the clock: 2026-03-04 after 10:00, from the test before
    await rule(w, '紧急电梯须持证', { priorities: ['urgent'] }, { certification: '特种设备作业证' });
    const feng = await person(w, '冯师傅', { teamIds: [g], home: [31.2, 121.4], certifications: [{ name: '特种设备作业证', expires: '2026-03-04' }] });
    const jiang = await person(w, '蒋师傅', { teamIds: [g], home: [31.2, 121.4], certifications: [{ name: '特种设备作业证', expires: '2026-12-31' }] });
    const why = async (ticketId: string) => {
      const c = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${ticketId}/dispatch/candidates`)).json();
      return { eligible: c.candidates.map((x: { userId: string }) => x.userId), certOn: c.excluded.find((e: { userId: string }) => e.userId === feng.id)?.reasons.find((r: { rule: string }) => r.rule === 'certification')?.detail.on ?? null };
    };
    const today = await ticket(w, { teamId: g, site, priority: 'urgent' });
    const tomorrow = await ticket(w, { teamId: g, site, priority: 'urgent' });
    await book(w.acme.adminToken, tomorrow.id, at('2026-03-05', '10:00'), at('2026-03-05', '12:00'));
    // his certificate is valid through today: today's visit is his to take, tomorrow's is not
    expect(await why(today.id)).toEqual({ eligible: expect.arrayContaining([feng.id, jiang.id]), certOn: null });
    const t2 = await why(tomorrow.id);
    expect(t2.eligible).toContain(jiang.id);
    expect(t2.eligible).not.toContain(feng.id);
    expect(t2.certOn).toBe('2026-03-05');
    const refused = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tomorrow.id}/dispatch`, { userId: feng.id });
    expect(refused.statusCode).toBe(409);
    // today's visit, his; the customer then moves it to tomorrow: it goes back to dispatch, not kept with him
    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${today.id}/dispatch`, { userId: feng.id })).statusCode).toBe(200);
    expect((await w.t.api(feng.token, 'POST', `/api/v1/tickets/${today.id}/dispatch/accept`)).statusCode).toBe(200);
    await book(w.acme.adminToken, today.id, at('2026-03-05', '15:00'), at('2026-03-05', '16:00'));
    await w.settle();
    expect((await dispatchOf(w, today.id)).current?.userId ?? null).not.toBe(feng.id);
    expect(await eventKinds(w, today.id)).toContain('dispatch.handed_back');
  });

  it('强制派单 to someone off shift for tomorrow: kept overnight, the offer waits for the shift, theirs like any other work then, handed back at its end if not started', async () => {
    w.t.clock.set(at('2026-03-05', '20:00')); // Thursday evening
    const he = await person(w, '何师傅', { teamIds: [g], home: [31.2, 121.4], shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } });
    const tk = await ticket(w, { teamId: g, site });
    await w.settle();
    const refused = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: he.id });
    expect(refused.statusCode).toBe(409);
    const forced = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: he.id, override: true, reason: '客户指定何师傅明早处理' });
    expect(forced.statusCode, forced.body).toBe(200);
    for (const hhmm of ['20:01', '23:30']) {
      w.t.clock.set(at('2026-03-05', hhmm));
      await w.dispatch.sweep();
      // neither the shift's end nor the hour to answer (the policy's 3600 s) takes it away overnight
      expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: he.id, mode: 'override', state: 'offered' });
    }
    w.t.clock.set(at('2026-03-06', '08:05'));
    await w.dispatch.sweep();
    // on shift: an hour to answer from now
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: he.id, state: 'offered', respondBy: at('2026-03-06', '09:05').toISOString() });
    expect((await w.t.api(he.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/accept`)).statusCode).toBe(200);
    w.t.clock.set(at('2026-03-06', '18:05'));
    await w.dispatch.sweep();
    expect((await dispatchOf(w, tk.id)).current).toBeNull();
    expect(await eventKinds(w, tk.id)).toContain('dispatch.handed_back');
    expect(await eventKinds(w, tk.id)).not.toContain('dispatch.expired');
  });
});
