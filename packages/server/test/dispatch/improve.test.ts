import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, eventKinds, person, policy, team, ticket, type DispatchWorld } from './helpers';

// 日内优化 on the server: a job the engine gave to the far engineer while the near one was away is
// suggested to the near one, moved on request (mode 'improve', the old assignment released 日内优化),
// and moved by the sweep by itself when the tenant's policy has autoImprove. A dispatcher's own choice
// never moves. The test clock: 09:00 Asia/Shanghai, Monday 2026-03-02.
describe('日内优化 (in-day re-plan of jobs not started)', () => {
  let w: DispatchWorld;
  let g: string;
  let wang: { id: string; token: string };
  let li: { id: string; token: string };
  const site = { lat: 31.2304, lng: 121.4737, address: '上海市黄浦区人民广场' };
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, token = w.acme.adminToken) => w.t.api(token, method, url, body as Record<string, unknown>);
  const suggestions = async () => {
    const res = await api('GET', '/api/v1/dispatch/improvements');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().moves as { ticketId: string; from: { id: string; name: string }; to: { id: string; name: string }; kmSaved: number; travelSavedMinutes: number; reason: string; ticketNumber: number; title: string }[];
  };
  const noticesOf = async (token: string, ticketId: string) =>
    ((await api('GET', '/api/v1/notifications', undefined, token)).json().items as { kind: string; ticketId: string; data: Record<string, unknown> }[]).filter((n) => n.ticketId === ticketId);
  const setStatus = (userId: string, status: string) => w.sql(`UPDATE dispatch_profiles SET status = $2 WHERE user_id = $1`, [userId, status]);
  /** a job the engine gives to 李工 (in 宝山) because 王工 (at 人民广场) is away */
  const farJob = async () => {
    await setStatus(wang.id, 'away');
    const tk = await ticket(w, { teamId: g, site });
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: li.id, mode: 'scored' });
    await setStatus(wang.id, 'available');
    return tk;
  };

  beforeAll(async () => {
    w = await dispatchWorld('日内优化');
    g = await team(w, '上门维修组');
    wang = await person(w, '王工', { teamIds: [g], home: [31.231, 121.474] });
    li = await person(w, '李工', { teamIds: [g], home: [31.3956, 121.4459] });
    await policy(w, { scope: 'tenant', mode: 'scored' });
  });
  afterAll(async () => w?.close());

  let moved: { id: string; number: number };
  let manual: string;

  it('suggests the far engineer’s job to the near one, with the km saved and why; a dispatcher’s own choice is never suggested', async () => {
    moved = await farJob();
    // a dispatcher gives 李工 a job near his home (after the other): the detour to 人民广场 and back is saved
    manual = (await ticket(w, { teamId: g, site: { lat: 31.3950, lng: 121.4460, address: '上海市宝山区友谊路 1 号' } })).id;
    await w.settle();
    expect((await api('POST', `/api/v1/tickets/${manual}/dispatch`, { userId: li.id, reason: '客户点名' })).statusCode).toBe(200);
    const moves = await suggestions();
    expect(moves).toHaveLength(1);
    const [m] = moves;
    expect(m).toMatchObject({ ticketId: moved.id, ticketNumber: moved.number, from: { id: li.id, name: '李工' }, to: { id: wang.id, name: '王工' } });
    expect(m.title).toContain('电梯故障报修');
    expect(m.kmSaved).toBeGreaterThan(30);
    expect(m.travelSavedMinutes).toBeGreaterThan(0);
    expect(m.reason).toMatch(/^改派给 王工：两人路程共省 \d+(\.\d)? 公里（约 \d+ 分钟）$/);
    // nothing changed by asking
    expect((await dispatchOf(w, moved.id)).current.userId).toBe(li.id);
  });

  it('engineers may not ask or apply; a bad body is a 400 naming the field', async () => {
    expect((await api('GET', '/api/v1/dispatch/improvements', undefined, wang.token)).statusCode).toBe(403);
    expect((await api('POST', '/api/v1/dispatch/improvements/apply', { moves: [{ ticketId: moved.id, from: li.id, to: wang.id }] }, wang.token)).statusCode).toBe(403);
    const bad = await api('POST', '/api/v1/dispatch/improvements/apply', { moves: [{ ticketId: 'not-a-uuid', from: li.id, to: wang.id }] });
    expect(bad.statusCode).toBe(400);
    const err = bad.json().error;
    expect(err.details?.[0]?.field ?? err.field).toBe('moves.0.ticketId');
    const empty = await api('POST', '/api/v1/dispatch/improvements/apply', { moves: [] });
    expect(empty.statusCode).toBe(400);
  });

  it('applying moves it (mode improve, the old one released 日内优化); again, or a pinned job, is skipped with a code', async () => {
    const res = await api('POST', '/api/v1/dispatch/improvements/apply', {
      moves: [
        { ticketId: moved.id, from: li.id, to: wang.id },
        { ticketId: manual, from: li.id, to: wang.id },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().applied).toEqual([{ ticketId: moved.id, to: wang.id }]);
    expect(res.json().skipped).toEqual([{ ticketId: manual, code: 'PINNED', message: expect.stringContaining('手动') }]);
    const d = await dispatchOf(w, moved.id);
    expect(d.current).toMatchObject({ userId: wang.id, userName: '王工', mode: 'improve' });
    expect(d.current.decision.chosen).toBe(wang.id);
    expect(d.history.find((a: { userId: string }) => a.userId === li.id)).toMatchObject({ state: 'released', endReason: '日内优化' });
    expect((await api('GET', `/api/v1/tickets/${moved.id}`)).json().assigneeId).toBe(wang.id);
    const events = (await api('GET', `/api/v1/tickets/${moved.id}/events?limit=500`)).json().items as { kind: string; data: Record<string, unknown> }[];
    expect(events.find((e) => e.kind === 'dispatch.released')?.data).toMatchObject({ userId: li.id, reason: '日内优化', to: wang.id });
    expect(events.filter((e) => e.kind === 'dispatch.offered').at(-1)?.data).toMatchObject({ userId: wang.id, mode: 'improve', reason: expect.stringMatching(/^改派给 王工：/) });
    // 李工 is told it went to 王工 (by the dispatcher who applied it), 王工 that it is his
    expect(await noticesOf(li.token, moved.id)).toEqual([expect.objectContaining({ kind: 'unassigned', data: expect.objectContaining({ number: moved.number, to: '王工', reason: '日内优化' }) }), expect.objectContaining({ kind: 'assigned' })]);
    expect((await noticesOf(wang.token, moved.id)).map((n) => n.kind)).toEqual(['assigned']);

    const again = await api('POST', '/api/v1/dispatch/improvements/apply', { moves: [{ ticketId: moved.id, from: li.id, to: wang.id }] });
    expect(again.json()).toEqual({ applied: [], skipped: [{ ticketId: moved.id, code: 'MOVED', message: expect.any(String) }] });
    expect(await suggestions()).toEqual([]);
  });

  it('a started job stays; a receiver a rule excludes is refused', async () => {
    const tk = await farJob();
    expect((await api('POST', `/api/v1/tickets/${tk.id}/dispatch/start`, undefined, li.token)).statusCode).toBe(200);
    const started = await api('POST', '/api/v1/dispatch/improvements/apply', { moves: [{ ticketId: tk.id, from: li.id, to: wang.id }] });
    expect(started.json().skipped).toEqual([{ ticketId: tk.id, code: 'STARTED', message: expect.any(String) }]);
    const tk2 = await farJob();
    await setStatus(wang.id, 'away');
    const away = await api('POST', '/api/v1/dispatch/improvements/apply', { moves: [{ ticketId: tk2.id, from: li.id, to: wang.id }] });
    expect(away.json().skipped).toEqual([{ ticketId: tk2.id, code: 'NOT_ALLOWED', message: expect.stringContaining('status') }]);
    await setStatus(wang.id, 'available');
    // leave nothing movable for the sweep's test: 王工 takes it by hand
    expect((await api('POST', `/api/v1/tickets/${tk2.id}/dispatch`, { userId: wang.id })).statusCode).toBe(200);
  });

  it('a move that does not lower the cost is skipped (NO_GAIN): there and back in one request moves it once', async () => {
    const tk = await farJob();
    const res = await api('POST', '/api/v1/dispatch/improvements/apply', {
      moves: [
        { ticketId: tk.id, from: li.id, to: wang.id },
        { ticketId: tk.id, from: wang.id, to: li.id },
      ],
    });
    expect(res.json()).toEqual({ applied: [{ ticketId: tk.id, to: wang.id }], skipped: [{ ticketId: tk.id, code: 'NO_GAIN', message: expect.stringContaining('李工') }] });
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: wang.id, mode: 'improve' });
    // leave nothing movable for the sweep's test: 王工 keeps it by hand
    expect((await api('POST', `/api/v1/tickets/${tk.id}/dispatch`, { userId: wang.id })).statusCode).toBe(200);
  });

  it('the sweep moves by itself only with autoImprove on the tenant policy, at most every 15 minutes', async () => {
    const tk = await farJob();
    await w.dispatch.sweep();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: li.id, mode: 'scored' });

    const put = await api('PUT', '/api/v1/dispatch/policies', { scope: 'tenant', mode: 'scored', autoImprove: true });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().autoImprove).toBe(true);
    await w.dispatch.sweep();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: wang.id, mode: 'improve', decidedBy: null });
    // moved by the system: 李工 is told so, by dispatch's system actor
    expect((await noticesOf(li.token, tk.id))[0]).toMatchObject({ kind: 'unassigned', data: { by: 'dispatch', to: '王工', reason: '日内优化' } });
    expect(await eventKinds(w, tk.id)).toEqual(expect.arrayContaining(['dispatch.released', 'dispatch.offered']));
    // the dispatcher's choice stays with 李工
    expect((await dispatchOf(w, manual)).current).toMatchObject({ userId: li.id, mode: 'manual' });

    // within 15 minutes the sweep does not run it again; after them it does
    const next = await farJob();
    w.t.clock.set(new Date(w.t.clock.now().getTime() + 60_000));
    await w.dispatch.sweep();
    expect((await dispatchOf(w, next.id)).current.userId).toBe(li.id);
    w.t.clock.set(new Date(w.t.clock.now().getTime() + 15 * 60_000));
    await w.dispatch.sweep();
    expect((await dispatchOf(w, next.id)).current).toMatchObject({ userId: wang.id, mode: 'improve' });
  });
});
