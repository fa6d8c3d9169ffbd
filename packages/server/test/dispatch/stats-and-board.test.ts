import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeStats } from '../../src/modules/dispatch/assignment/recompute-stats';
import { dispatchWorld, policy, person, team, ticket, type DispatchWorld } from './helpers';

// The learnt statistics (from closed tickets, reopened ones counting against the first-time fix) and the dispatch map.
describe('learnt statistics and the dispatch board', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await dispatchWorld('派单统计');
  });
  afterAll(async () => w?.close());

  it('learns solved count, median minutes and first-fix rate per person and category', async () => {
    const g = await team(w, '维修组');
    const eng = await person(w, '陈师傅', { teamIds: [g], home: [31.2, 121.4] });
    const cat = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '空调维修' });
    expect(cat.statusCode).toBe(201);
    const categoryId = cat.json().id;
    for (const minutes of [30, 60, 90]) {
      const tk = await ticket(w, { teamId: g, categoryId, assigneeId: eng.id });
      w.t.clock.advance(minutes * 60_000);
      await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${tk.id}`, { status: 'closed' });
      if (minutes === 90) {
        await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${tk.id}`, { status: 'open' });
        await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${tk.id}`, { status: 'closed' });
      }
    }
    expect(await recomputeStats(w.t.deps, w.acme.id)).toBe(1);
    const [row] = await w.sql('SELECT user_id, category_id, solved, median_resolution_min, first_fix_rate FROM dispatch_person_stats');
    expect(row).toMatchObject({ user_id: eng.id, category_id: categoryId, solved: 3, median_resolution_min: 60 });
    expect(row.first_fix_rate).toBeCloseTo(2 / 3, 5);
  });

  it('the board shows people, open on-site tickets and the map settings; customers and engineers are refused', async () => {
    await policy(w, { scope: 'tenant', mode: 'manual' });
    const tk = await ticket(w, { site: { lat: 31.23, lng: 121.47, address: '上海市黄浦区人民大道 200 号' } });
    await w.settle();
    const res = await w.t.api(w.acme.adminToken, 'GET', '/api/v1/dispatch/board');
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.map).toEqual({ tileUrl: null, attribution: null });
    expect(board.engineers.find((e: { name: string }) => e.name === '陈师傅')).toMatchObject({ status: 'available', onShift: true, home: { lat: 31.2, lng: 121.4 } });
    expect(board.tickets.find((t: { id: string }) => t.id === tk.id)).toMatchObject({ site: { lat: 31.23, lng: 121.47, address: '上海市黄浦区人民大道 200 号' }, queued: true, bookedWindow: null, onSiteMinutes: 60 });
    // 预约上门: the map shows the visit booked with the customer
    const window = { windowStart: '2026-03-03T02:00:00.000Z', windowEnd: '2026-03-03T03:30:00.000Z' };
    expect((await w.t.api(w.acme.adminToken, 'PUT', `/api/v1/field/jobs/${tk.id}/visit`, window)).statusCode).toBe(200);
    const booked = (await w.t.api(w.acme.adminToken, 'GET', '/api/v1/dispatch/board')).json();
    expect(booked.tickets.find((t: { id: string }) => t.id === tk.id).bookedWindow).toEqual({ start: window.windowStart, end: window.windowEnd });
    const bad = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/tickets', { title: '坐标错误', description: 'x', requester: { email: 'x@kehu.cn' }, site: { lat: 91, lng: 0 } });
    expect(bad.statusCode).toBe(400);
    const eng = await person(w, '林师傅', {});
    expect((await w.t.api(eng.token, 'GET', '/api/v1/dispatch/board')).statusCode).toBe(403);
  });
});
