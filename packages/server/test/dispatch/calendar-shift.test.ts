import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRouting } from '../../src/modules/routing';
import { dispatchOf, dispatchWorld, person, policy, team, ticket, type DispatchWorld } from './helpers';

// Shifts on the tenant's working calendar (工作日历): an engineer whose Monday–Friday shift follows the
// calendar is not dispatched on 国庆节 (2026-10-01…07) and is on the make-up Saturday 2026-10-10 (调休上班);
// the reason names the holiday; the day plan (路线规划) of a holiday has no shift; one who does not follow
// the calendar works by weekday.
const TEN_AM = (date: string) => new Date(`${date}T02:00:00Z`); // 10:00 Asia/Shanghai

describe('shifts on the working calendar', () => {
  let w: DispatchWorld;
  let g: string;
  let wang: { id: string; token: string };

  beforeAll(async () => {
    // from 2026-09-29 to 10-11: sign-ins that last 30 days
    w = await dispatchWorld('节假日排班', { at: new Date('2026-09-29T01:00:00Z'), env: { SESSION_TTL_HOURS: '720' } });
    startRouting({ deps: w.t.deps, outbox: w.outbox });
    const cal = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/calendars/from-builtin', { name: '2026 法定节假日', year: 2026, isDefault: true });
    expect(cal.statusCode).toBe(201);
    g = await team(w, '电梯维保组');
    wang = await person(w, '王工', { teamIds: [g], home: [31.23, 121.47], capacity: { field: 5 }, shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', followsCalendar: true } });
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored' });
  });
  afterAll(async () => w?.close());

  it('work not started is handed back when 国庆节 begins, the reason naming the holiday', async () => {
    w.t.clock.set(TEN_AM('2026-09-30')); // Wednesday, a working day
    const tk = await ticket(w, { teamId: g, site: { lat: 31.24, lng: 121.47, address: '上海市静安区南京西路 2 号' } });
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: wang.id });
    w.t.clock.set(TEN_AM('2026-10-01'));
    await w.dispatch.sweep();
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toBeNull();
    expect(d.history.find((x: { userId: string }) => x.userId === wang.id)).toMatchObject({ state: 'handed_back', endReason: '节假日休息，交回未开始的工作' });
    const events = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}/events?limit=100`)).json().items as { kind: string; data: Record<string, unknown> }[];
    expect(events.find((e) => e.kind === 'dispatch.handed_back')?.data).toMatchObject({ userId: wang.id, reason: '节假日休息，交回未开始的工作', holiday: '国庆节' });
  });

  it('queues an on-site ticket on 国庆节 with the holiday as the reason, and gives it when the shift comes back', async () => {
    w.t.clock.set(TEN_AM('2026-10-01')); // Thursday, a public holiday
    const tk = await ticket(w, { teamId: g, site: { lat: 31.23, lng: 121.48, address: '上海市静安区南京西路 1 号' } });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toBeNull();
    expect(d.queued).toMatchObject({ reason: 'off_shift' });
    const candidates = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}/dispatch/candidates`)).json();
    const excluded = candidates.excluded.find((e: { userId: string }) => e.userId === wang.id);
    expect(excluded.reasons).toEqual([{ rule: 'shift', detail: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', holiday: '国庆节' } }]);

    // Thursday 10-08, after the holiday: the sweep gives the queued ticket to 王工
    w.t.clock.set(TEN_AM('2026-10-08'));
    await w.dispatch.sweep();
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: wang.id });
  });

  it('dispatches on the make-up Saturday 2026-10-10, not on the Sunday after', async () => {
    w.t.clock.set(TEN_AM('2026-10-10'));
    const sat = await ticket(w, { teamId: g, site: { lat: 31.22, lng: 121.46, address: '上海市徐汇区漕溪北路 2 号' } });
    await w.settle();
    expect((await dispatchOf(w, sat.id)).current).toMatchObject({ userId: wang.id });
    w.t.clock.set(TEN_AM('2026-10-11'));
    const sun = await ticket(w, { teamId: g, site: { lat: 31.22, lng: 121.46, address: '上海市徐汇区漕溪北路 3 号' } });
    await w.settle();
    expect((await dispatchOf(w, sun.id)).current).toBeNull();
  });

  it('without followsCalendar the weekdays alone decide: the same holiday is a working Thursday', async () => {
    const g2 = await team(w, '空调组');
    const li = await person(w, '李工', { teamIds: [g2], home: [31.23, 121.47], capacity: { field: 5 }, shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } });
    await policy(w, { scope: 'team', scopeId: g2, mode: 'scored' });
    w.t.clock.set(TEN_AM('2026-10-02')); // Friday, a public holiday
    const tk = await ticket(w, { teamId: g2, site: { lat: 31.23, lng: 121.48, address: '上海市黄浦区 1 号' } });
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: li.id });
  });

  it('the day plan of a holiday has no shift to put a job in; the make-up Saturday has', async () => {
    w.t.clock.set(new Date('2026-09-29T01:00:00Z')); // Tuesday 09:00, before the holiday
    const job = async (visitDate: string) => {
      // no team: no policy dispatches it; it is 王工's by hand, accepted (as day-routes.test.ts)
      const tk = await ticket(w, { site: { lat: 31.21, lng: 121.46, address: '上海市某路' } });
      await w.sql('UPDATE tickets SET custom_fields = custom_fields || $2::jsonb WHERE id = $1', [tk.id, JSON.stringify({ visitDate })]);
      await w.sql(
        `INSERT INTO dispatch_assignments (id, tenant_id, ticket_id, user_id, kind, state, mode, offered_at, accepted_at) VALUES ($1, $2, $3, $4, 'field', 'accepted', 'manual', $5, $5)`,
        [randomUUID(), w.acme.id, tk.id, wang.id, w.t.clock.now()],
      );
      return tk.id;
    };
    const holiday = await job('2026-10-05');
    const makeUp = await job('2026-10-10');
    const res = await w.t.api(w.acme.adminToken, 'GET', `/api/v1/routes/day?userId=${wang.id}&date=2026-10-05`);
    const onHoliday = res.json();
    expect(onHoliday.stops).toEqual([]);
    expect(onHoliday.unplanned.map((u: { ticketId: string }) => u.ticketId)).toEqual([holiday]);
    const onSaturday = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/routes/day?userId=${wang.id}&date=2026-10-10`)).json();
    expect(onSaturday.stops.map((s: { ticketId: string }) => s.ticketId)).toContain(makeUp);
  });

  it("the profile tells the engineer's phone whether the shift covers now (it shares its position only then)", async () => {
    const shiftNow = async () => (await w.t.api(wang.token, 'GET', `/api/v1/dispatch/profiles/${wang.id}`)).json().shiftNow;
    w.t.clock.set(TEN_AM('2026-10-01'));
    expect(await shiftNow()).toBe(false);
    w.t.clock.set(TEN_AM('2026-10-10'));
    expect(await shiftNow()).toBe(true);
    w.t.clock.set(new Date('2026-10-10T11:00:00Z')); // 19:00
    expect(await shiftNow()).toBe(false);
  });

  it('the profile API keeps followsCalendar and refuses a non-boolean', async () => {
    const put = (shift: unknown) => w.t.api(w.acme.adminToken, 'PUT', `/api/v1/dispatch/profiles/${wang.id}`, { shift });
    const ok = await put({ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', followsCalendar: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().shift).toEqual({ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', followsCalendar: true });
    const bad = await put({ days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', followsCalendar: '是' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('followsCalendar');
    // a shift sent without it keeps it (the body merges with the stored shift); false unticks it
    const without = await put({ days: [6, 7], start: '09:00', end: '17:00' });
    expect(without.json().shift).toEqual({ days: [6, 7], start: '09:00', end: '17:00', followsCalendar: true });
    expect((await put({ followsCalendar: false })).json().shift).toEqual({ days: [6, 7], start: '09:00', end: '17:00', followsCalendar: false });
  });
});
