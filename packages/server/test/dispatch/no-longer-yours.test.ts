import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, person, policy, team, ticket, type DispatchWorld } from './helpers';

// An engineer's phone may still show a job that dispatch has since given to someone else (改派) or that
// went back to dispatch. What they do on it then (接单, 拒单, 开始, a visit step, opening the job) answers
// 409 with a stable code saying which — not 404 "Ticket not found" or 403 — and someone who never held
// the job keeps the usual answers.
describe('acting on a job that is no longer yours', () => {
  let w: DispatchWorld;
  let g: string;
  let zheng: { id: string; token: string };
  let gao: { id: string; token: string };
  let stranger: { id: string; token: string };
  const site = { lat: 31.23, lng: 121.47, address: '上海市黄浦区南京东路 100 号' };
  const depart = (token: string, ticketId: string) =>
    w.t.api(token, 'POST', `/api/v1/field/jobs/${ticketId}/steps`, { opId: randomUUID(), kind: 'depart', at: w.t.clock.now().toISOString() });
  const codeOf = (res: { statusCode: number; json: () => { error?: { code?: string } } }) => [res.statusCode, res.json().error?.code];

  beforeAll(async () => {
    w = await dispatchWorld('改派后的手机');
    g = await team(w, '电梯维保组');
    zheng = await person(w, '郑浩', { teamIds: [g], home: [31.2, 121.4] });
    gao = await person(w, '高峰', { teamIds: [g], home: [31.3, 121.5] });
    stranger = await person(w, '路人工程师', { teamIds: [g], home: [31.3, 121.5] });
    await policy(w, { scope: 'tenant', mode: 'manual', acceptTimeoutS: 3600 });
  });
  afterAll(async () => w?.close());

  it('given to someone else: DISPATCH_REASSIGNED on 接单, 拒单, 开始, 出发 and the job page', async () => {
    const tk = await ticket(w, { teamId: g, site });
    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: zheng.id })).statusCode).toBe(200);
    expect((await w.t.api(zheng.token, 'GET', `/api/v1/field/jobs/${tk.id}`)).statusCode).toBe(200);
    const moved = await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: gao.id, reason: '高峰离得近' });
    expect(moved.statusCode, moved.body).toBe(200);
    await w.settle();

    const conflict = [409, 'DISPATCH_REASSIGNED'];
    expect(codeOf(await w.t.api(zheng.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/accept`))).toEqual(conflict);
    expect(codeOf(await w.t.api(zheng.token, 'POST', `/api/v1/tickets/${tk.number}/dispatch/accept`))).toEqual(conflict);
    expect(codeOf(await w.t.api(zheng.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/decline`, { reason: '去不了' }))).toEqual(conflict);
    expect(codeOf(await w.t.api(zheng.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/start`))).toEqual(conflict);
    expect(codeOf(await depart(zheng.token, tk.id))).toEqual(conflict);
    const page = await w.t.api(zheng.token, 'GET', `/api/v1/field/jobs/${tk.id}`);
    expect(codeOf(page)).toEqual(conflict);
    expect(page.json().error.message).toMatch(/another engineer/);
    // nothing changed for the new holder
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: gao.id, state: 'offered' });
    expect((await w.t.api(gao.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/accept`)).statusCode).toBe(200);

    // someone who never held it: the usual answers
    expect([403, 404]).toContain((await w.t.api(stranger.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/accept`)).statusCode);
    expect((await depart(stranger.token, tk.id)).statusCode).toBe(403);
    expect((await w.t.api(stranger.token, 'GET', `/api/v1/field/jobs/${tk.id}`)).statusCode).toBe(404);
  });

  it('gone back to dispatch (the ticket unassigned): DISPATCH_RETURNED', async () => {
    const tk = await ticket(w, { teamId: g, site });
    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: zheng.id })).statusCode).toBe(200);
    const back = await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${tk.id}`, { assigneeId: null });
    expect(back.statusCode, back.body).toBe(200);
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toBeNull();

    const conflict = [409, 'DISPATCH_RETURNED'];
    expect(codeOf(await w.t.api(zheng.token, 'POST', `/api/v1/tickets/${tk.id}/dispatch/accept`))).toEqual(conflict);
    expect(codeOf(await depart(zheng.token, tk.id))).toEqual(conflict);
    expect(codeOf(await w.t.api(zheng.token, 'GET', `/api/v1/field/jobs/${tk.id}`))).toEqual(conflict);
  });
});
