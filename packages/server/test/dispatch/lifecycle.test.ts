import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOutbox } from '../../src/platform/outbox/append-outbox';
import { randomUUID } from 'node:crypto';
import { dispatchOf, dispatchWorld, eventKinds, liveAssignments, person, policy, team, ticket, type DispatchWorld } from './helpers';
import { createStaff } from '../collaboration/helpers';

// What happens after a decision: 接单 / 拒单, offers expiring, going off shift, the queue draining most
// urgent then oldest first, overrides, overflow and batch windows.
describe('dispatch lifecycle', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await dispatchWorld('派单流程');
  });
  afterAll(async () => w?.close());

  it('accept, decline with a reason (not offered again), timeout, off-shift hand-back', async () => {
    const g = await team(w, '空调组');
    const a = await person(w, '赵师傅', { teamIds: [g], home: [31.2, 121.4] });
    const b = await person(w, '钱师傅', { teamIds: [g], home: [31.3, 121.5] });
    const c = await person(w, '孙师傅', { teamIds: [g], home: [31.4, 121.6] });
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored', acceptTimeoutS: 60 });
    const tk = await ticket(w, { teamId: g, site: { lat: 31.2, lng: 121.4 } });
    await w.settle();
    let d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: a.id, state: 'offered' });
    expect(d.current.respondBy).toBe(new Date(w.t.clock.now().getTime() + 60_000).toISOString());
    const statusOf = async () => (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}`)).json().status;
    expect(await statusOf()).toBe('new'); // offered, not accepted: still 待受理
    // someone else cannot accept; the offered person can
    expect([403, 404]).toContain((await w.t.api(b.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/accept`)).statusCode);
    expect((await w.t.api(a.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/decline`, { reason: ' ' })).statusCode).toBe(400);
    const declined = await w.t.api(a.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/decline`, { reason: '车坏了，去不了' });
    expect(declined.statusCode).toBe(204);
    d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: b.id, state: 'offered' });
    expect(d.history.find((x: { userId: string }) => x.userId === a.id)).toMatchObject({ state: 'declined', endReason: '车坏了，去不了' });
    // b lets it expire: it goes to c (a declined: never offered it again; b let it expire: offered it again
    // only once nobody else eligible is left and the accept time has passed again, not-accepted.test.ts)
    w.t.clock.advance(61_000);
    await w.dispatch.sweep();
    d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: c.id, state: 'offered' });
    const accepted = await w.t.api(c.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/accept`);
    expect(accepted.json()).toMatchObject({ state: 'accepted', userId: c.id });
    expect(await statusOf()).toBe('open'); // 接单 is 受理: 处理中
    // c goes off shift (the profiles side announces it): unstarted work is handed back; nobody is left
    await w.sql(`UPDATE dispatch_profiles SET status = 'off_shift' WHERE user_id = $1`, [c.id]);
    await w.t.db.tenant(w.acme.id, (q) => appendOutbox(q, [{ tenantId: w.acme.id, eventId: randomUUID(), topic: 'dispatch.status_changed', payload: { tenantId: w.acme.id, userId: c.id, status: 'off_shift' }, at: w.t.clock.now() }]));
    await w.settle();
    d = await dispatchOf(w, tk.id);
    expect(d.current).toBeNull();
    expect(d.queued).toMatchObject({ reason: 'off_shift' });
    expect((await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}`)).json().assigneeId).toBeNull();
    expect(await eventKinds(w, tk.id)).toEqual(expect.arrayContaining(['dispatch.offered', 'dispatch.declined', 'dispatch.expired', 'dispatch.accepted', 'dispatch.handed_back', 'dispatch.queued']));
  });

  it('the queue drains most urgent, then oldest, when capacity frees; replying starts the work', async () => {
    const g = await team(w, '网络组');
    const only = await person(w, '周工', { role: 'agent', teamIds: [g], capacity: { ticket: 1 } });
    await policy(w, { scope: 'team', scopeId: g, mode: 'least_loaded' });
    const first = await ticket(w, { teamId: g });
    await w.settle();
    expect((await dispatchOf(w, first.id)).current.userId).toBe(only.id);
    // given with no acceptance step: 处理中 at once, the status change on the timeline as dispatch's
    const shown = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${first.id}/events`)).json().items;
    expect(shown.find((e: { data: { changes?: { status?: unknown } } }) => e.data.changes?.status)?.data.changes.status).toEqual({ from: 'new', to: 'open' });
    expect((await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${first.id}`)).json().status).toBe('open');
    const oldNormal = await ticket(w, { teamId: g, priority: 'normal' });
    w.t.clock.advance(1000);
    const newUrgent = await ticket(w, { teamId: g, priority: 'urgent' });
    await w.settle();
    expect((await dispatchOf(w, oldNormal.id)).queued).toMatchObject({ reason: 'no_capacity' });
    // replying to the ticket starts it
    await w.t.api(only.token, 'POST', `/api/v1/tickets/${first.id}/comments`, { body: '您好，已收到，正在排查' });
    await w.settle();
    expect((await dispatchOf(w, first.id)).current.state).toBe('started');
    await w.t.api(only.token, 'PATCH', `/api/v1/tickets/${first.id}`, { status: 'closed' });
    await w.settle();
    expect((await dispatchOf(w, newUrgent.id)).current?.userId).toBe(only.id);
    expect((await dispatchOf(w, oldNormal.id)).current).toBeNull();
    expect((await dispatchOf(w, first.id)).history[0]).toMatchObject({ state: 'released' });
  });

  it('override needs a supervisor or admin and a reason; it is recorded', async () => {
    const g = await team(w, '电力组');
    const other = await team(w, '后勤组');
    const outsider = await person(w, '吴师傅', { teamIds: [other] });
    const agent = await createStaff(w.t, w.acme.adminToken, '调度员小冯', 'agent', { scope: 'all' });
    await policy(w, { scope: 'team', scopeId: g, mode: 'manual' });
    const tk = await ticket(w, { teamId: g });
    await w.settle();
    const refused = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: outsider.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'DISPATCH_RULE_VIOLATION', details: [expect.objectContaining({ value: 'team', message: "not in the ticket's team" })] });
    // worded, not the rule's data as JSON
    expect(refused.json().error.message).toBe("吴师傅 may not take this ticket: not in the ticket's team (override with a reason to assign anyway)");
    expect((await w.t.api(agent.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: outsider.id, override: true, reason: '急' })).statusCode).toBe(403);
    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: outsider.id, override: true })).statusCode).toBe(400);
    const ok = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: outsider.id, override: true, reason: '客户指定吴师傅' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ mode: 'override', overrideReason: '客户指定吴师傅', userId: outsider.id });
    expect(await eventKinds(w, tk.id)).toContain('dispatch.override');
    expect((await dispatchOf(w, tk.id)).queued).toBeNull();
  });

  it('a manual PATCH of the assignee is recorded as a manual assignment, releasing the previous one', async () => {
    const g = await team(w, '门禁组');
    const x = await person(w, '郑工', { teamIds: [g] });
    const y = await person(w, '王工', { teamIds: [g] });
    await policy(w, { scope: 'team', scopeId: g, mode: 'round_robin' });
    const tk = await ticket(w, { teamId: g });
    await w.settle();
    const first = (await dispatchOf(w, tk.id)).current.userId;
    const to = first === x.id ? y.id : x.id;
    await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${tk.id}`, { assigneeId: to, transferReason: '郑工请假' });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: to, mode: 'manual' });
    expect(d.history.filter((h: { state: string }) => ['offered', 'accepted', 'started'].includes(h.state))).toHaveLength(1);
    expect((await liveAssignments(w)).filter((l) => l.ticket_id === tk.id)).toHaveLength(1);
  });

  it('overflow to the backup team, and batch windows matched together', async () => {
    const main = await team(w, '一线组');
    const backup = await team(w, '二线组');
    await policy(w, { scope: 'team', scopeId: main, mode: 'manual', overflowTeamId: backup, overflowThreshold: 1 });
    await policy(w, { scope: 'team', scopeId: backup, mode: 'batch', batchWindowS: 30 });
    const p1 = await person(w, '二线甲', { teamIds: [backup], home: [31.2, 121.4] });
    const p2 = await person(w, '二线乙', { teamIds: [backup], home: [31.0, 121.2] });
    const waits = await ticket(w, { teamId: main });
    await w.settle();
    expect((await dispatchOf(w, waits.id)).queued).toMatchObject({ reason: 'manual' });
    const t1 = await ticket(w, { teamId: main, site: { lat: 31.21, lng: 121.41 } });
    const t2 = await ticket(w, { teamId: main, site: { lat: 31.01, lng: 121.21 } });
    await w.settle();
    const v1 = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${t1.id}`)).json();
    expect(v1.teamId).toBe(backup);
    // the timeline's transfer carries the facts behind the reason (the console words them in its language)
    const moved = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${t1.id}/events`)).json().items.find((e: { data: { changes?: { teamId?: unknown } } }) => e.data.changes?.teamId);
    expect(moved.data).toMatchObject({ changes: { teamId: { from: main, to: backup } }, overflow: { waiting: 1, threshold: 1 } });
    expect(moved.data.reason).toContain('溢出');
    expect((await dispatchOf(w, t1.id)).queued).toMatchObject({ reason: 'batch' });
    w.t.clock.advance(31_000);
    await w.dispatch.sweep();
    expect((await dispatchOf(w, t1.id)).current).toMatchObject({ userId: p1.id, mode: 'batch' });
    expect((await dispatchOf(w, t2.id)).current).toMatchObject({ userId: p2.id, mode: 'batch' });
  });
});
