import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, eventKinds, outlet, person, policy, rule, team, ticket, type DispatchWorld } from './helpers';

// 服务网点 as a dispatch target: a policy with target 'outlet' sends a ticket with a site to the nearest
// outlet that can do it, to that outlet's best-scored person; the decision names the outlet.
describe('dispatch to the nearest outlet', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await dispatchWorld('网点派单');
    await rule(w, '电梯需三级', { priorities: ['urgent'] }, { skill: '电梯维修', level: 3 });
  });
  afterAll(async () => w?.close());

  it('the nearer outlet’s qualified engineer gets it, with the outlet in the decision; the candidates list the outlets', async () => {
    const lifts = await team(w, '浦东电梯组');
    // 吴磊 lives far away, 陈师傅 next to the site: by person, 陈师傅 would be chosen; by outlet, 浦东网点 is nearer
    const wu = await person(w, '吴磊', { teamIds: [lifts], skills: { 电梯维修: 4 }, home: [31.9, 121.9] });
    const chen = await person(w, '陈师傅', { teamIds: [lifts], skills: { 电梯维修: 5 }, home: [31.235, 121.506] });
    const pudong = await outlet(w, '浦东网点', [31.24, 121.53], [wu]);
    const minhang = await outlet(w, '闵行网点', [31.11, 121.38], [chen]);
    await policy(w, { scope: 'team', scopeId: lifts, mode: 'scored', target: 'outlet' });
    const tk = await ticket(w, { teamId: lifts, priority: 'urgent', site: { lat: 31.235, lng: 121.505, address: '上海市浦东新区世纪大道 100 号' } });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: wu.id, userName: '吴磊', mode: 'scored', kind: 'field' });
    expect(d.current.decision.outlet).toMatchObject({ id: pudong, name: '浦东网点' });
    expect(d.current.decision.outlet.km).toBeGreaterThan(2);
    expect(d.current.decision.outlet.km).toBeLessThan(3);
    // the ranking is the outlet's people
    expect(d.current.decision.candidates.map((c: { userId: string }) => c.userId)).toEqual([wu.id]);

    const c = await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}/dispatch/candidates`);
    expect(c.statusCode, c.body).toBe(200);
    const outlets = c.json().outlets as { id: string; name: string; km: number; eligiblePeople: number }[];
    // 吴磊 holds the ticket now and still has room (field capacity 5 by default)
    expect(outlets.slice(0, 2)).toEqual([
      { id: pudong, name: '浦东网点', km: d.current.decision.outlet.km, eligiblePeople: 1 },
      { id: minhang, name: '闵行网点', km: expect.any(Number), eligiblePeople: 1 },
    ]);
    expect(outlets[1].km).toBeGreaterThan(outlets[0].km);

    // without a site the policy's mode decides over everyone, no outlet in the decision
    const desk = await ticket(w, { teamId: lifts, priority: 'urgent' });
    await w.settle();
    const e = await dispatchOf(w, desk.id);
    expect(e.current).toMatchObject({ mode: 'scored', kind: 'ticket' });
    expect(e.current.decision.outlet).toBeNull();
    expect(e.current.decision.candidates.map((x: { userId: string }) => x.userId).sort()).toEqual([wu.id, chen.id].sort());
    const noSite = await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${desk.id}/dispatch/candidates`);
    expect(noSite.json().outlets).toEqual([]);
  });

  it('a nearer outlet whose people are all unqualified is passed over', async () => {
    const bj = await team(w, '北京电梯组');
    const novice = await person(w, '学徒小刘', { teamIds: [bj], skills: { 电梯维修: 2 }, home: [39.91, 116.4] });
    const zhao = await person(w, '赵师傅', { teamIds: [bj], skills: { 电梯维修: 4 }, home: [39.91, 116.4] });
    await outlet(w, '东城网点', [39.92, 116.41], [novice]);
    const haidian = await outlet(w, '海淀网点', [39.96, 116.3], [zhao]);
    await policy(w, { scope: 'team', scopeId: bj, mode: 'scored', target: 'outlet' });
    const tk = await ticket(w, { teamId: bj, priority: 'urgent', site: { lat: 39.915, lng: 116.405, address: '北京市东城区王府井大街 1 号' } });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: zhao.id, userName: '赵师傅' });
    expect(d.current.decision.outlet).toMatchObject({ id: haidian, name: '海淀网点' });
    const c = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}/dispatch/candidates`)).json();
    expect(c.outlets.slice(0, 2).map((o: { name: string; eligiblePeople: number }) => [o.name, o.eligiblePeople])).toEqual([['东城网点', 0], ['海淀网点', 1]]);
  });

  it('no outlet can do it: the ticket waits as no_outlet', async () => {
    const gz = await team(w, '广州电梯组');
    const li = await person(w, '李学徒', { teamIds: [gz], skills: { 电梯维修: 1 }, home: [23.13, 113.26] });
    // a qualified engineer who belongs to no outlet does not make an outlet able
    await person(w, '黄师傅', { teamIds: [gz], skills: { 电梯维修: 5 }, home: [23.13, 113.26] });
    await outlet(w, '天河网点', [23.13, 113.32], [li]);
    await policy(w, { scope: 'team', scopeId: gz, mode: 'scored', target: 'outlet' });
    const tk = await ticket(w, { teamId: gz, priority: 'urgent', site: { lat: 23.129, lng: 113.264, address: '广州市越秀区中山五路 1 号' } });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toBeNull();
    expect(d.queued).toMatchObject({ reason: 'no_outlet' });
    expect(await eventKinds(w, tk.id)).toContain('dispatch.queued');
  });
});
