import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTicket } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The tenant's dispatch settings: outlets 服务网点, rules 派单规则, policies 派单方式, customer preferences.
describe('dispatch settings', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  let agent: { id: string; token: string };
  let engineer: { id: string; token: string };
  let categoryId: string;
  let typeId: string;
  let teamId: string;
  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('派单设置测试');
    other = await t.tenant('别家公司');
    agent = await createStaff(t, acme.adminToken, '坐席刘洋', 'agent');
    engineer = await createStaff(t, acme.adminToken, '工程师何勇', 'engineer');
    categoryId = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '电梯' })).json().id;
    typeId = (await t.api(acme.adminToken, 'POST', '/api/v1/ticket-types', { key: 'repair', nameZh: '维修' })).json().id;
    teamId = (await t.api(acme.adminToken, 'POST', '/api/v1/teams', { name: '电梯维保组' })).json().id;
  });
  afterAll(() => t.close());

  it('manages outlets', async () => {
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/outlets', { name: '浦东网点', address: '上海市浦东新区张江路88号', lat: 31.2, lng: 121.59 });
    expect(res.statusCode, res.body).toBe(201);
    const outlet = res.json();
    expect(outlet).toMatchObject({ name: '浦东网点', active: true });
    expect((await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/outlets', { name: '浦东网点', lat: 31, lng: 121 })).statusCode).toBe(409);
    const bad = await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/outlets', { name: '北极网点', lat: 91, lng: 121 });
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'lat']);
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/dispatch/outlets/${outlet.id}`, { address: '张江路99号' })).json()).toMatchObject({ address: '张江路99号', lat: 31.2 });
    expect((await t.api(engineer.token, 'GET', '/api/v1/dispatch/outlets')).json().items).toHaveLength(1);
    expect((await t.api(engineer.token, 'POST', '/api/v1/dispatch/outlets', { name: '私设网点', lat: 31, lng: 121 })).statusCode).toBe(403);
    expect((await t.api(other.adminToken, 'GET', '/api/v1/dispatch/outlets')).json().items).toHaveLength(0);
    expect((await t.api(other.adminToken, 'PATCH', `/api/v1/dispatch/outlets/${outlet.id}`, { name: '抢来的' })).statusCode).toBe(404);
    const profile = await t.api(acme.adminToken, 'PUT', `/api/v1/dispatch/profiles/${engineer.id}`, { outletId: outlet.id });
    expect(profile.json().outletId).toBe(outlet.id);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/dispatch/outlets/${outlet.id}`)).statusCode).toBe(204);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/dispatch/profiles/${engineer.id}`)).json().outletId).toBeNull();
  });

  it('manages rules in order, checking what they name', async () => {
    const create = (body: unknown, token = acme.adminToken) => t.api(token, 'POST', '/api/v1/dispatch/rules', body);
    const lift = await create({
      name: '电梯需持证',
      conditions: { categoryIds: [categoryId], priorities: ['urgent', 'high'], tiers: ['vip'], channels: ['phone'] },
      requirements: { skill: '电梯维修', level: 3, certification: '特种设备作业证', onSite: true, teamId },
    });
    expect(lift.statusCode, lift.body).toBe(201);
    expect(lift.json()).toMatchObject({ position: 0, enabled: true, requirements: { skill: '电梯维修', level: 3 } });
    const englishRes = await create({ name: '英文客户', conditions: { typeIds: [typeId] }, requirements: { language: 'en' } });
    expect(englishRes.statusCode, englishRes.body).toBe(201);
    const english = englishRes.json();
    expect(english.position).toBe(1);

    const missing = await create({ name: '错误引用', conditions: { categoryIds: ['01900000-0000-7000-8000-000000000000'] }, requirements: { teamId: '01900000-0000-7000-8000-000000000001' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual(['conditions.categoryIds.0', 'requirements.teamId']);
    const badLevel = await create({ name: '等级错', requirements: { skill: '电梯维修', level: 9 } });
    expect([badLevel.statusCode, badLevel.json().error.field]).toEqual([400, 'requirements.level']);
    const badTier = await create({ name: '等级错', conditions: { tiers: ['gold'] }, requirements: {} });
    expect([badTier.statusCode, badTier.json().error.field]).toEqual([400, 'conditions.tiers.0']);
    expect((await create({ name: '电梯需持证', requirements: {} })).statusCode).toBe(409);
    expect((await create({ name: '坐席规则', requirements: {} }, agent.token)).statusCode).toBe(403);

    const reordered = await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/rules/reorder', { ids: [english.id, lift.json().id] });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().items.map((r: { name: string }) => r.name)).toEqual(['英文客户', '电梯需持证']);
    expect((await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/rules/reorder', { ids: [english.id] })).statusCode).toBe(400);
    expect((await t.api(agent.token, 'GET', '/api/v1/dispatch/rules')).json().items.map((r: { name: string }) => r.name)).toEqual(['英文客户', '电梯需持证']);
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/dispatch/rules/${english.id}`, { enabled: false })).json().enabled).toBe(false);
    expect((await t.api(other.adminToken, 'GET', '/api/v1/dispatch/rules')).json().items).toEqual([]);
    expect((await t.api(other.adminToken, 'DELETE', `/api/v1/dispatch/rules/${english.id}`)).statusCode).toBe(404);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/dispatch/rules/${english.id}`)).statusCode).toBe(204);
  });

  it('sets policies per tenant, team and category', async () => {
    const put = (body: unknown, token = acme.adminToken) => t.api(token, 'PUT', '/api/v1/dispatch/policies', body);
    const tenant = await put({ scope: 'tenant', mode: 'scored', weights: { travel: 3, load: 2, fairness: 1 }, acceptTimeoutS: 300 });
    expect(tenant.statusCode, tenant.body).toBe(200);
    expect(tenant.json()).toMatchObject({ scope: 'tenant', scopeId: null, mode: 'scored', target: 'person', weights: { travel: 3, load: 2, fairness: 1 }, batchWindowS: 30, defaultCapacity: { ticket: 8, chat: 2, field: 5 } });
    expect((await put({ scope: 'tenant', mode: 'batch', batchWindowS: 20 })).json()).toMatchObject({ id: tenant.json().id, mode: 'batch', batchWindowS: 20 });
    const backup = (await t.api(acme.adminToken, 'POST', '/api/v1/teams', { name: '后备组' })).json().id;
    expect((await put({ scope: 'team', scopeId: teamId, mode: 'least_loaded', overflowTeamId: backup, overflowThreshold: 10 })).statusCode).toBe(200);
    expect((await put({ scope: 'category', scopeId: categoryId, mode: 'skills', speedKmh: 40, positionStaleMin: 15 })).statusCode).toBe(200);
    // 派单对象: the nearest outlet (服务网点), kept while the policy is put again without it
    expect((await put({ scope: 'team', scopeId: teamId, mode: 'scored', target: 'outlet' })).json()).toMatchObject({ scopeId: teamId, mode: 'scored', target: 'outlet' });
    expect((await put({ scope: 'team', scopeId: teamId, mode: 'least_loaded', overflowTeamId: backup, overflowThreshold: 10 })).json()).toMatchObject({ target: 'outlet' });
    expect((await put({ scope: 'team', scopeId: teamId, target: 'person' })).json()).toMatchObject({ mode: 'least_loaded', target: 'person' });

    const cases: [unknown, string][] = [
      [{ scope: 'tenant', mode: 'scored', weights: { travel: 11 } }, 'weights.travel'],
      [{ scope: 'tenant', mode: 'scored', weights: { distance: 1 } }, 'weights.distance'],
      [{ scope: 'tenant', mode: 'fastest' }, 'mode'],
      [{ scope: 'tenant', mode: 'scored', target: 'branch' }, 'target'],
      [{ scope: 'team', mode: 'manual' }, 'scopeId'],
      [{ scope: 'team', scopeId: categoryId, mode: 'manual' }, 'scopeId'],
      [{ scope: 'team', scopeId: teamId, mode: 'manual', overflowTeamId: teamId, overflowThreshold: 3 }, 'overflowTeamId'],
      [{ scope: 'tenant', mode: 'manual', overflowTeamId: backup }, 'overflowThreshold'],
      [{ scope: 'tenant', mode: 'manual', acceptTimeoutS: 5 }, 'acceptTimeoutS'],
      // a scored policy needs a weight above 0
      [{ scope: 'tenant', mode: 'scored', weights: Object.fromEntries(['travel', 'load', 'speed', 'firstFix', 'skillFit', 'tier', 'preferred', 'fairness', 'deadline'].map((w) => [w, 0])) }, 'weights'],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect([JSON.stringify(body), res.statusCode, res.json().error.details?.[0]?.field ?? res.json().error.field]).toEqual([JSON.stringify(body), 400, field]);
    }
    expect((await put({ scope: 'tenant', mode: 'manual' }, agent.token)).statusCode).toBe(403);
    const list = (await t.api(agent.token, 'GET', '/api/v1/dispatch/policies')).json().items;
    expect(list.map((p: { scope: string; mode: string }) => [p.scope, p.mode])).toEqual([['tenant', 'batch'], ['team', 'least_loaded'], ['category', 'skills']]);
    expect((await t.api(other.adminToken, 'GET', '/api/v1/dispatch/policies')).json().items).toEqual([]);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/dispatch/policies?scope=category&scopeId=${categoryId}`)).statusCode).toBe(204);
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/dispatch/policies')).json().items).toHaveLength(2);
  });

  it('merges a partial policy with the stored one: fields not sent keep their value, null clears', async () => {
    const put = (body: unknown) => t.api(acme.adminToken, 'PUT', '/api/v1/dispatch/policies', body);
    const team = (await t.api(acme.adminToken, 'POST', '/api/v1/teams', { name: '合并测试组' })).json().id;
    const backup = (await t.api(acme.adminToken, 'POST', '/api/v1/teams', { name: '合并后备组' })).json().id;
    const noMode = await put({ scope: 'team', scopeId: team, speedKmh: 40 });
    expect([noMode.statusCode, noMode.json().error.field]).toEqual([400, 'mode']);
    expect((await put({ scope: 'team', scopeId: team, mode: 'scored', weights: { travel: 5, load: 1 }, overflowTeamId: backup, overflowThreshold: 4, acceptTimeoutS: 300, defaultCapacity: { ticket: 6, chat: 2, field: 3 } })).statusCode).toBe(200);
    const weightsOnly = await put({ scope: 'team', scopeId: team, weights: { fairness: 2, load: null } });
    expect(weightsOnly.statusCode, weightsOnly.body).toBe(200);
    expect(weightsOnly.json()).toMatchObject({ mode: 'scored', weights: { travel: 5, fairness: 2 }, overflowTeamId: backup, overflowThreshold: 4, acceptTimeoutS: 300, defaultCapacity: { ticket: 6, chat: 2, field: 3 } });
    expect(weightsOnly.json().weights).not.toHaveProperty('load');
    expect((await put({ scope: 'team', scopeId: team, defaultCapacity: { field: 9 }, acceptTimeoutS: null, overflowTeamId: null })).json()).toMatchObject({
      defaultCapacity: { ticket: 6, chat: 2, field: 9 },
      acceptTimeoutS: null,
      overflowTeamId: null,
      weights: { travel: 5, fairness: 2 },
    });
    // every weight 0 in effect (those not sent take the engine's defaults, above 0) is refused
    const zero = await put({ scope: 'team', scopeId: team, weights: Object.fromEntries(['travel', 'load', 'speed', 'firstFix', 'skillFit', 'tier', 'preferred', 'fairness', 'deadline'].map((w) => [w, 0])) });
    expect([zero.statusCode, zero.json().error.field, zero.json().error.message]).toEqual([400, 'weights', expect.stringContaining('at least one weight above 0')]);
    expect((await put({ scope: 'team', scopeId: team, weights: { travel: 0, fairness: 0 } })).statusCode).toBe(200);
  });

  it('merges a partial shift and capacity into the profile; null clears', async () => {
    const put = (body: unknown) => t.api(acme.adminToken, 'PUT', `/api/v1/dispatch/profiles/${engineer.id}`, body);
    expect((await put({ shift: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', followsCalendar: true }, capacity: { ticket: 6, field: 4 } })).statusCode).toBe(200);
    const field = await put({ capacity: { field: 14 } });
    expect(field.statusCode, field.body).toBe(200);
    expect(field.json().capacity).toEqual({ ticket: 6, field: 14 });
    expect((await put({ capacity: { ticket: null } })).json().capacity).toEqual({ field: 14 });
    // start == end: all day; followsCalendar not sent keeps its value
    expect((await put({ shift: { start: '08:00', end: '08:00', days: [1] } })).json().shift).toEqual({ days: [1], start: '08:00', end: '08:00', followsCalendar: true });
    expect((await put({ shift: { end: '24:00' } })).json().shift).toEqual({ days: [1], start: '08:00', end: '00:00', followsCalendar: true });
    expect((await put({ shift: null })).json().shift).toBeNull();
    const partial = await put({ shift: { start: '09:00' } });
    expect([partial.statusCode, partial.json().error.field]).toEqual([400, 'shift.days']);
    expect((await put({ shift: { days: [1], start: '08:00', end: '24:30' } })).json().error.message).toContain('24:00');
  });

  it("keeps a customer's preferred and excluded people", async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '电梯异响', requester: { name: '客户孙女士', email: 'sun@example.cn' } });
    const contactId = ticket.requesterId;
    expect((await t.api(agent.token, 'GET', `/api/v1/dispatch/customer-preferences?contactId=${contactId}`)).json()).toEqual({ contactId, organizationId: null, preferredUserIds: [], excludedUserIds: [], updatedAt: null });
    const put = await t.api(acme.adminToken, 'PUT', '/api/v1/dispatch/customer-preferences', { contactId, preferredUserIds: [engineer.id], excludedUserIds: [agent.id] });
    expect(put.statusCode, put.body).toBe(200);
    expect((await t.api(agent.token, 'GET', `/api/v1/dispatch/customer-preferences?contactId=${contactId}`)).json()).toMatchObject({ preferredUserIds: [engineer.id], excludedUserIds: [agent.id] });
    const both = await t.api(acme.adminToken, 'PUT', '/api/v1/dispatch/customer-preferences', { contactId, preferredUserIds: [engineer.id], excludedUserIds: [engineer.id] });
    expect([both.statusCode, both.json().error.field]).toEqual([400, 'excludedUserIds']);
    expect((await t.api(acme.adminToken, 'PUT', '/api/v1/dispatch/customer-preferences', { preferredUserIds: [] })).statusCode).toBe(400);
    expect((await t.api(other.adminToken, 'GET', `/api/v1/dispatch/customer-preferences?contactId=${contactId}`)).statusCode).toBe(404);
    expect((await t.api(agent.token, 'PUT', '/api/v1/dispatch/customer-preferences', { contactId, excludedUserIds: [] })).statusCode).toBe(403);
  });
});
