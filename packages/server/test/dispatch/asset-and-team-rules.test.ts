import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchOf, dispatchWorld, person, policy, rule, team, ticket, type DispatchWorld } from './helpers';

// 扫码报修 → the right engineer: a ticket on a device is matched and required by the device's product
// line (the customer never types it), and a rule's required team limits who may go.
describe('dispatch: the device’s product line and the rule’s team', () => {
  let w: DispatchWorld;
  let categoryId: string;
  beforeAll(async () => {
    w = await dispatchWorld('设备派单');
    categoryId = (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '电梯困人' })).json().id;
    await policy(w, { scope: 'category', scopeId: categoryId, mode: 'skills', acceptTimeoutS: 3600 });
  });
  afterAll(async () => w?.close());

  const asset = async (serial: string, productLine: string | null) =>
    (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/assets', { serial, name: `${serial} 客梯`, productLine, address: '上海市黄浦区淮海中路 1 号', lat: 31.22, lng: 121.47 })).json().id as string;

  it('a rule on the product line matches a ticket by its device; the device’s line is required; the rule’s team is required', async () => {
    const lifts = await team(w, '电梯服务组');
    const other = await team(w, '空调组');
    const right = await person(w, '钱师傅', { teamIds: [lifts], skills: { 电梯维修: 3 } });
    const escalators = await person(w, '周师傅', { teamIds: [lifts], skills: { 电梯维修: 5 } });
    const outsider = await person(w, '吴师傅', { teamIds: [other], skills: { 电梯维修: 5 } });
    await w.sql(`UPDATE dispatch_profiles SET product_lines = $2 WHERE user_id = $1`, [right.id, ['电梯']]);
    await w.sql(`UPDATE dispatch_profiles SET product_lines = $2 WHERE user_id = $1`, [escalators.id, ['扶梯']]);
    await w.sql(`UPDATE dispatch_profiles SET product_lines = $2 WHERE user_id = $1`, [outsider.id, ['电梯']]);
    await rule(w, '电梯须电梯服务组', { productLines: ['电梯'] }, { skill: '电梯维修', level: 3, onSite: true, teamId: lifts });

    const lift = await asset('ELV-0001', '电梯');
    const tk = await ticket(w, { categoryId, assetId: lift });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: right.id, mode: 'skills', state: 'offered', kind: 'field' });
    const why = Object.fromEntries(d.current.decision.excluded.map((e: { userId: string; reasons: { rule: string }[] }) => [e.userId, e.reasons.map((r) => r.rule)]));
    expect(why[escalators.id]).toEqual(['product_line']);
    expect(why[outsider.id]).toEqual(['team']);
  });

  it('a device without a product line: the rule on the line does not apply, nor is a line required', async () => {
    const tk = await ticket(w, { categoryId, assetId: await asset('BLDG-0001', null), site: { lat: 31.22, lng: 121.47 } });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    // no rule: no skill asked, anyone of the pool may go
    expect(d.current?.decision.excluded.flatMap((e: { reasons: { rule: string }[] }) => e.reasons.map((r) => r.rule))).not.toContain('product_line');
  });

  it('a rule and a policy on a parent category cover its sub-categories (电梯 covers 电梯 › 困人)', async () => {
    const parent = (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '电梯' })).json().id as string;
    const child = (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '困人', parentId: parent })).json().id as string;
    const g = await team(w, '电梯急修组');
    const certified = await person(w, '持证李师傅', { teamIds: [g], skills: { 困人救援: 4 }, certifications: [{ name: '特种设备作业证', expires: '2099-12-31' }] });
    const uncertified = await person(w, '无证赵师傅', { teamIds: [g], skills: { 困人救援: 4 } });
    await policy(w, { scope: 'category', scopeId: parent, mode: 'scored', acceptTimeoutS: 3600 });
    await rule(w, '电梯类必须持证', { categoryIds: [parent] }, { skill: '困人救援', level: 3, certification: '特种设备作业证' });
    const tk = await ticket(w, { categoryId: child, teamId: g, priority: 'urgent' });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: certified.id, mode: 'scored' });
    const why = Object.fromEntries(d.current.decision.excluded.map((e: { userId: string; reasons: { rule: string }[] }) => [e.userId, e.reasons.map((r) => r.rule)]));
    expect(why[uncertified.id]).toContain('certification');
  });

  it('a certification saved without an expiry day (never expires) qualifies its holder', async () => {
    const g = await team(w, '电梯大修组');
    const holder = await person(w, '终身持证钱师傅', { teamIds: [g], skills: { 大修: 3 } });
    const put = await w.t.api(w.acme.adminToken, 'PUT', `/api/v1/dispatch/profiles/${holder.id}`, { certifications: [{ name: '起重机械作业证', expires: null }] });
    expect(put.statusCode, put.body).toBe(200);
    await policy(w, { scope: 'team', scopeId: g, mode: 'scored', acceptTimeoutS: 3600 });
    await rule(w, '大修须持起重证', { priorities: ['urgent'] }, { certification: '起重机械作业证', teamId: g });
    const tk = await ticket(w, { teamId: g, priority: 'urgent', site: { lat: 31.2, lng: 121.4 } });
    await w.settle();
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: holder.id });
  });
});
