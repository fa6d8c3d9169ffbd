import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, person, policy, team, ticket, type DispatchWorld } from './helpers';

// 每日上限: the most on-site visits a person is given in one day, on top of what they may hold at once. A
// visit done today still counts; one declined does not; the day is the tenant's (Asia/Shanghai), so the
// queue drains into them the next morning.
const AT = (day: string, hhmm = '09:00') => new Date(`${day}T${hhmm}:00+08:00`);
const site = (n: number) => ({ site: { lat: 31.23 + n / 1000, lng: 121.47, address: `上海市静安区南京西路 ${n} 号` } });

describe('daily limit (每日上限)', () => {
  let w: DispatchWorld;
  let g: string;
  beforeAll(async () => {
    w = await dispatchWorld('每日上限', { at: AT('2026-03-09'), env: { SESSION_TTL_HOURS: '720' } });
    g = await team(w, '电梯维保组');
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored' });
  });
  afterAll(async () => w?.close());

  const putProfile = (id: string, body: unknown) => w.t.api(w.acme.adminToken, 'PUT', `/api/v1/dispatch/profiles/${id}`, body);

  it('is set per person through the API, merged per kind, and refused out of range with what to fix', async () => {
    const li = await person(w, '李工', { teamIds: [await team(w, '空组')] });
    expect((await putProfile(li.id, { dailyLimit: { field: 6 } })).json().dailyLimit).toEqual({ field: 6 });
    expect((await putProfile(li.id, { dailyLimit: { ticket: 20 } })).json().dailyLimit).toEqual({ field: 6, ticket: 20 });
    expect((await putProfile(li.id, { dailyLimit: { field: null } })).json().dailyLimit).toEqual({ ticket: 20 });
    const bad = await putProfile(li.id, { dailyLimit: { field: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ field: 'dailyLimit.field', message: 'dailyLimit.field: a daily limit is 0 to 500' })]);
  });

  it('stops giving a person visits once the day\'s are given — done ones count — and gives them again the next day', async () => {
    const zhao = await person(w, '赵工', { teamIds: [g], capacity: { field: 5 }, home: [31.23, 121.47] });
    expect((await putProfile(zhao.id, { dailyLimit: { field: 2 } })).statusCode).toBe(200);
    const first = await ticket(w, { teamId: g, ...site(1) });
    const second = await ticket(w, { teamId: g, ...site(2) });
    await w.settle();
    expect((await dispatchOf(w, first.id)).current).toMatchObject({ userId: zhao.id });
    expect((await dispatchOf(w, second.id)).current).toMatchObject({ userId: zhao.id });
    // the first is done: room in hand again, but not today
    const done = await w.t.api(zhao.token, 'PATCH', `/api/v1/tickets/${first.id}`, { status: 'closed' });
    expect(done.statusCode, done.body).toBe(200);
    await w.settle();
    const third = await ticket(w, { teamId: g, ...site(3) });
    await w.settle();
    const d = await dispatchOf(w, third.id);
    expect(d.current).toBeNull();
    expect(d.queued).toMatchObject({ reason: 'no_capacity' });
    const candidates = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${third.id}/dispatch/candidates`)).json();
    expect(candidates.excluded.find((e: { userId: string }) => e.userId === zhao.id).reasons).toEqual([
      { rule: 'capacity', detail: { kind: 'field', load: 1, capacity: 5, today: 2, dailyLimit: 2 } },
    ]);
    // the dispatch map and 日程 show the day's count
    const board = (await w.t.api(w.acme.adminToken, 'GET', '/api/v1/dispatch/board')).json();
    expect(board.engineers.find((e: { id: string }) => e.id === zhao.id).today).toEqual({ given: 2, limit: 2 });
    // a hand assignment against it is refused in words, as any hard rule
    const refused = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${third.id}/dispatch`, { userId: zhao.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("reached today's limit (2/2 on-site visits today)");
    // late in the evening: still today in Shanghai
    w.t.clock.set(AT('2026-03-09', '23:30'));
    await w.dispatch.sweep();
    await w.settle();
    expect((await dispatchOf(w, third.id)).current).toBeNull();
    // the next morning the queue drains into 赵工
    w.t.clock.set(AT('2026-03-10', '08:00'));
    await w.dispatch.sweep();
    await w.settle();
    expect((await dispatchOf(w, third.id)).current).toMatchObject({ userId: zhao.id });
  });

  it('the tenant policy\'s default applies to people without their own; a declined visit gives the day back', async () => {
    w.t.clock.set(AT('2026-03-11'));
    const other = await team(w, '空调组');
    const put = await w.t.api(w.acme.adminToken, 'PUT', '/api/v1/dispatch/policies', { scope: 'team', scopeId: other, mode: 'scored', acceptTimeoutS: 600 });
    expect(put.statusCode).toBe(200);
    const tenant = await w.t.api(w.acme.adminToken, 'PUT', '/api/v1/dispatch/policies', { scope: 'tenant', mode: 'manual', defaultDailyLimit: { field: 1 } });
    expect(tenant.json().defaultDailyLimit).toEqual({ field: 1 });
    const qian = await person(w, '钱工', { teamIds: [other], home: [31.23, 121.47] });
    const a = await ticket(w, { teamId: other, ...site(4) });
    await w.settle();
    expect((await dispatchOf(w, a.id)).current).toMatchObject({ userId: qian.id, state: 'offered' });
    const b = await ticket(w, { teamId: other, ...site(5) });
    await w.settle();
    expect((await dispatchOf(w, b.id)).queued).toMatchObject({ reason: 'no_capacity' });
    // 钱工 declines the first: it is not theirs today, so the second comes to them (the sweep drains the queue)
    const declined = await w.t.api(qian.token, 'POST', `/api/v1/tickets/${a.id}/dispatch/decline`, { reason: '距离太远' });
    expect(declined.statusCode).toBe(204);
    await w.settle();
    await w.dispatch.sweep();
    await w.settle();
    expect((await dispatchOf(w, b.id)).current).toMatchObject({ userId: qian.id });
  });
});
