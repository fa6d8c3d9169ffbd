import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../collaboration/helpers';
import { dispatchOf, dispatchWorld, person, policy, team, ticket, type DispatchWorld } from './helpers';

// When dispatch hands a job to someone else (改派 by a dispatcher, an assignee changed by hand, 日内优化 —
// see improve.test.ts), the person who loses it is told: an `unassigned` notification naming who has it
// now and why. Their own decline (or an expiry, a hand-back, a resolved ticket) tells them nothing.
describe('the previous holder is told when a job is reassigned', () => {
  let w: DispatchWorld;
  let g: string;
  let li: { id: string; token: string };
  let wang: { id: string; token: string };
  let dispatcher: { id: string; token: string };
  type Note = { kind: string; ticketId: string | null; data: Record<string, unknown> };
  const notes = async (token: string, ticketId: string) => {
    const res = await w.t.api(token, 'GET', '/api/v1/notifications');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Note[]).filter((n) => n.ticketId === ticketId);
  };
  const kinds = async (token: string, ticketId: string) => (await notes(token, ticketId)).map((n) => n.kind);

  beforeAll(async () => {
    w = await dispatchWorld('改派通知');
    g = await team(w, '上门维修组');
    li = await person(w, '李工', { teamIds: [g] });
    wang = await person(w, '王工', { teamIds: [g] });
    dispatcher = await createStaff(w.t, w.acme.adminToken, '调度员小冯', 'agent', { scope: 'all' });
    // a dispatcher picks; an offer waits 10 minutes for 接单
    await policy(w, { scope: 'tenant', mode: 'manual', acceptTimeoutS: 600 });
  });
  afterAll(async () => w?.close());

  it('a dispatcher’s 改派 from 李工 to 王工: 李工 is told it went to 王工 and why, 王工 that it is his', async () => {
    const tk = await ticket(w, { teamId: g, title: '电梯停在三楼' });
    await w.settle();
    expect((await w.t.api(dispatcher.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: li.id })).statusCode).toBe(200);
    expect((await w.t.api(li.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/accept`)).statusCode).toBe(200);
    expect(await kinds(li.token, tk.id)).toEqual(['assigned']);

    const moved = await w.t.api(dispatcher.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: wang.id, reason: '客户点名要王工' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: wang.id });
    const [gone] = await notes(li.token, tk.id);
    expect(gone).toMatchObject({ kind: 'unassigned', data: { number: tk.number, title: '电梯停在三楼', by: '调度员小冯', to: '王工', reason: '客户点名要王工' } });
    expect(await kinds(li.token, tk.id)).toEqual(['unassigned', 'assigned']);
    expect(await kinds(wang.token, tk.id)).toEqual(['assigned']);
    // nobody else is told
    expect(await kinds(dispatcher.token, tk.id)).toEqual([]);

    // without a reason: 改派
    expect((await w.t.api(dispatcher.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: li.id })).statusCode).toBe(200);
    expect((await notes(wang.token, tk.id))[0]).toMatchObject({ kind: 'unassigned', data: { to: '李工', reason: '改派', by: '调度员小冯' } });
  });

  it('an assignee changed by hand tells the one who had it; handing one’s own job on does not tell oneself', async () => {
    const tk = await ticket(w, { teamId: g });
    await w.settle();
    expect((await w.t.api(dispatcher.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: li.id })).statusCode).toBe(200);
    expect((await w.t.api(dispatcher.token, 'PATCH', `/api/v1/tickets/${tk.id}`, { assigneeId: wang.id })).statusCode).toBe(200);
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: wang.id, mode: 'manual' });
    expect((await notes(li.token, tk.id))[0]).toMatchObject({ kind: 'unassigned', data: { by: '调度员小冯', to: '王工', reason: '改派' } });

    // 王工 hands it to 李工 himself: 李工 is assigned it, 王工 is not told what he did
    const own = await w.t.api(wang.token, 'PATCH', `/api/v1/tickets/${tk.id}`, { assigneeId: li.id });
    expect(own.statusCode, own.body).toBe(200);
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: li.id });
    expect(await kinds(wang.token, tk.id)).toEqual(['assigned']);
  });

  it('a decline by the engineer tells nobody that it was taken away', async () => {
    const tk = await ticket(w, { teamId: g });
    await w.settle();
    expect((await w.t.api(dispatcher.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: li.id })).statusCode).toBe(200);
    expect((await w.t.api(li.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/decline`, { reason: '车坏了，去不了' })).statusCode).toBe(204);
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toBeNull();
    expect(await kinds(li.token, tk.id)).toEqual(['assigned']);
    expect(await kinds(wang.token, tk.id)).toEqual([]);
  });
});
