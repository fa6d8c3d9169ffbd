import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadNeeds } from '../../src/modules/dispatch/assignment/load-needs';
import { loadPool } from '../../src/modules/dispatch/assignment/load-pool';
import { recomputeStats } from '../../src/modules/dispatch/assignment/recompute-stats';
import { dispatchWorld, person, policy, rule, team, ticket, type DispatchWorld } from './helpers';

// Expected minutes on site: a rule's onSiteMinutes, else the median of the category's completed visits
// (签到 to 完工 on the phone), else 60. The assignment keeps the minutes it was planned with, and a visit
// under way counts what is left of them.
describe('minutes on site, learnt per category', () => {
  let w: DispatchWorld;
  let g: string;
  const site = { lat: 31.23, lng: 121.47, address: '上海市黄浦区南京东路 100 号' };
  const category = async (nameZh: string) => {
    const res = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/categories', { nameZh });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const step = async (token: string, ticketId: string, body: Record<string, unknown>) => {
    const res = await w.t.api(token, 'POST', `/api/v1/field/jobs/${ticketId}/steps`, { opId: randomUUID(), at: w.t.clock.now().toISOString(), ...body });
    expect(res.statusCode, res.body).toBe(200);
  };
  const needOf = (ticketId: string) => w.t.db.tenant(w.acme.id, async (q) => (await loadNeeds(q, await loadPool(q, w.t.clock.now()), [ticketId])).get(ticketId)!.need);

  beforeAll(async () => {
    w = await dispatchWorld('现场工时');
    g = await team(w, '电梯维保组');
    await policy(w, { scope: 'tenant', mode: 'manual' });
  });
  afterAll(async () => w?.close());

  it('learns the median of completed visits per category; a rule’s minutes come first; unknown: 60; the visit under way counts what is left', async () => {
    const feng = await person(w, '冯师傅', { teamIds: [g], home: [31.2, 121.4], capacity: { field: 9 } });
    const inspection = await category('电梯年检');
    const printer = await category('打印机维修');
    const other = await category('门禁维修');
    await rule(w, '打印机上门 25 分钟', { categoryIds: [printer] }, { onSiteMinutes: 25 });

    for (const minutes of [100, 150, 120]) {
      const tk = await ticket(w, { teamId: g, categoryId: inspection, site, assigneeId: feng.id });
      await step(feng.token, tk.id, { kind: 'check_in', lat: site.lat, lng: site.lng, accuracy: 10 });
      w.t.clock.advance(minutes * 60_000);
      await step(feng.token, tk.id, { kind: 'complete', result: 'fixed', text: '年检前检查完成' });
    }
    // a category with fewer than three visits teaches nothing yet
    const once = await ticket(w, { teamId: g, categoryId: other, site, assigneeId: feng.id });
    await step(feng.token, once.id, { kind: 'check_in', lat: site.lat, lng: site.lng, accuracy: 10 });
    w.t.clock.advance(15 * 60_000);
    await step(feng.token, once.id, { kind: 'complete', result: 'fixed', text: '更换读卡器' });
    await w.settle();
    await recomputeStats(w.t.deps, w.acme.id);
    expect(await w.sql('SELECT category_id, visits, median_on_site_min FROM dispatch_category_durations')).toEqual([{ category_id: inspection, visits: 3, median_on_site_min: 120 }]);

    const next = await ticket(w, { teamId: g, categoryId: inspection, site });
    const printerJob = await ticket(w, { teamId: g, categoryId: printer, site });
    const door = await ticket(w, { teamId: g, categoryId: other, site });
    const desk = await ticket(w, { teamId: g, categoryId: inspection });
    await w.settle();
    expect((await needOf(next.id)).durationMinutes).toBe(120);
    expect((await needOf(printerJob.id)).durationMinutes).toBe(25);
    expect((await needOf(door.id)).durationMinutes).toBe(60);
    expect((await needOf(desk.id)).durationMinutes).toBe(20); // not on site: desk work

    expect((await w.t.api(w.acme.adminToken, 'POST', `/api/v1/tickets/${next.id}/dispatch`, { userId: feng.id })).statusCode).toBe(200);
    expect((await w.sql('SELECT expected_minutes FROM dispatch_assignments WHERE ticket_id = $1', [next.id]))[0].expected_minutes).toBe(120);
    await step(feng.token, next.id, { kind: 'check_in', lat: site.lat, lng: site.lng, accuracy: 10 });
    await w.settle();
    w.t.clock.advance(30 * 60_000);
    const busy = await w.t.db.tenant(w.acme.id, async (q) => (await loadPool(q, w.t.clock.now())).byId.get(feng.id)!.busyMinutes);
    expect(busy).toBeCloseTo(90, 5);
  });
});
