import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOutbox } from '../../src/platform/outbox/append-outbox';
import { dispatchOf, dispatchWorld, eventKinds, person, policy, team, ticket, type DispatchWorld } from './helpers';

// The phone's 出发 / 签到 (recorded by the field module, perhaps hours later from an offline queue) start
// the engineer's on-site assignment in dispatch: a visit under way is not handed back when the shift
// ends, and someone else's step starts nothing.
describe('field steps start the visit in dispatch', () => {
  let w: DispatchWorld;
  let g: string;
  beforeAll(async () => {
    w = await dispatchWorld('现场步骤');
    g = await team(w, '电梯维保组');
    await policy(w, { scope: 'tenant', mode: 'manual', acceptTimeoutS: 3600 }); // offers wait for 接单
  });
  afterAll(async () => w?.close());

  const site = { lat: 31.23, lng: 121.47, address: '上海市黄浦区南京东路 100 号' };
  const step = (token: string, ticketId: string, kind: 'depart' | 'check_in') =>
    w.t.api(token, 'POST', `/api/v1/field/jobs/${ticketId}/steps`, { opId: randomUUID(), kind, at: w.t.clock.now().toISOString(), ...(kind === 'check_in' ? { lat: site.lat, lng: site.lng, accuracy: 10 } : {}) });
  const offShift = async (userId: string) => {
    await w.sql(`UPDATE dispatch_profiles SET status = 'off_shift' WHERE user_id = $1`, [userId]);
    await w.t.db.tenant(w.acme.id, (q) => appendOutbox(q, [{ tenantId: w.acme.id, eventId: randomUUID(), topic: 'dispatch.status_changed', payload: { tenantId: w.acme.id, userId, status: 'off_shift' }, at: w.t.clock.now() }]));
    await w.settle();
  };

  it("an accepted visit checked in on the phone is under way: the shift's end does not hand it back", async () => {
    const zhou = await person(w, '周师傅', { teamIds: [g], home: [31.2, 121.4] });
    const onSite = await ticket(w, { teamId: g, site });
    const waiting = await ticket(w, { teamId: g, site });
    for (const tk of [onSite, waiting]) expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: zhou.id })).statusCode).toBe(200);
    expect((await w.t.api(zhou.token, 'POST', `/api/v1/tickets/${onSite.id}/dispatch/accept`)).statusCode).toBe(200);
    expect((await w.t.api(zhou.token, 'POST', `/api/v1/tickets/${waiting.id}/dispatch/accept`)).statusCode).toBe(200);
    // checked in straight away (no 出发), and the phone never called 开始处理
    expect((await step(zhou.token, onSite.id, 'check_in')).statusCode).toBe(200);
    await w.settle();
    expect((await dispatchOf(w, onSite.id)).current).toMatchObject({ userId: zhou.id, state: 'started' });
    expect(await eventKinds(w, onSite.id)).toContain('dispatch.started');
    await offShift(zhou.id);
    expect((await dispatchOf(w, onSite.id)).current).toMatchObject({ userId: zhou.id, state: 'started' });
    expect((await dispatchOf(w, waiting.id)).current).toBeNull(); // not started: handed back
  });

  it("the phone's job list marks the jobs waiting for 接单 with the time to answer by, not the accepted ones", async () => {
    const qian = await person(w, '钱师傅', { teamIds: [g], home: [31.2, 121.4] });
    const offered = await ticket(w, { teamId: g, site });
    const accepted = await ticket(w, { teamId: g, site });
    for (const tk of [offered, accepted]) expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: qian.id })).statusCode).toBe(200);
    expect((await w.t.api(qian.token, 'POST', `/api/v1/tickets/${accepted.id}/dispatch/accept`)).statusCode).toBe(200);
    const list = (await w.t.api(qian.token, 'GET', '/api/v1/field/jobs')).json();
    const offerOf = (id: string) => [...list.jobs, ...list.upcoming].find((j: { ticketId: string }) => j.ticketId === id)?.offer;
    expect(offerOf(offered.id)).toEqual({ respondBy: new Date(w.t.clock.now().getTime() + 3600_000).toISOString() });
    expect(offerOf(accepted.id)).toBeNull();
  });

  it('出发 on an offer not yet answered accepts and starts it; a second step changes nothing; a supervisor’s step starts nothing', async () => {
    const wu = await person(w, '吴师傅', { teamIds: [g], home: [31.2, 121.4] });
    const tk = await ticket(w, { teamId: g, site });
    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: wu.id })).statusCode).toBe(200);
    expect((await step(wu.token, tk.id, 'depart')).statusCode).toBe(200);
    expect((await step(wu.token, tk.id, 'check_in')).statusCode).toBe(200);
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: wu.id, state: 'started' });
    const kinds = await eventKinds(w, tk.id);
    expect(kinds.filter((k) => k === 'dispatch.accepted')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'dispatch.started')).toHaveLength(1);

    const other = await ticket(w, { teamId: g, site });
    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${other.id}/dispatch`, { userId: wu.id })).statusCode).toBe(200);
    const res = await step(w.acme.adminToken, other.id, 'depart');
    expect([200, 403]).toContain(res.statusCode);
    await w.settle();
    expect((await dispatchOf(w, other.id)).current).toMatchObject({ userId: wu.id, state: 'offered' });
  });
});
