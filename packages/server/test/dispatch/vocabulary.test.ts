import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The tenant's dispatch vocabulary (GET dispatch/vocabulary: the values its active people hold, with how
// many hold each) and the warnings on saving a rule nobody can meet (a tester's rule asked for 电梯维修
// when the people have 电梯维保: saved silently, and its tickets waited in the queue for ever).
describe('dispatch vocabulary and rule warnings', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  let supervisor: { id: string; token: string };
  let agent: { id: string; token: string };
  let engineer: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestApp({ clock: true }); // 2026-03-02 09:00 in Shanghai
    acme = await t.tenant('派单词汇测试');
    other = await t.tenant('词汇别家');
    supervisor = await createStaff(t, acme.adminToken, '主管陈志强', 'supervisor');
    agent = await createStaff(t, acme.adminToken, '坐席张伟', 'agent');
    engineer = await createStaff(t, acme.adminToken, '工程师高峰', 'engineer');
    const lin = await createStaff(t, acme.adminToken, '工程师林涛', 'engineer');
    const gone = await createStaff(t, acme.adminToken, '离职工程师', 'engineer');
    const put = async (id: string, body: unknown) => expect((await t.api(acme.adminToken, 'PUT', `/api/v1/dispatch/profiles/${id}`, body)).statusCode).toBe(200);
    await put(engineer.id, {
      skills: { 电梯维保: 4, 扶梯: 2 },
      certifications: [{ name: '特种设备作业证', expires: '2026-03-02' }, { name: '电工证', expires: '2026-03-01' }],
      regions: ['上海市/浦东新区'],
      productLines: ['电梯'],
      languages: ['zh', 'en'],
    });
    await put(lin.id, { skills: { 电梯维保: 2 }, certifications: [{ name: '特种设备作业证', expires: null }], regions: ['上海市/浦东新区', '上海市/徐汇区'], productLines: ['电梯', '扶梯'] });
    await put(gone.id, { skills: { 电梯维修: 5 }, certifications: [{ name: '高压电工证', expires: null }], regions: ['北京市'], productLines: ['空调'] });
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${gone.id}`, { active: false })).statusCode).toBe(200);
    // every active person has a named region, so a region no one names excludes everyone
    for (const p of [supervisor, agent]) await put(p.id, { regions: ['上海市/浦东新区'] });
    await put((await t.api(acme.adminToken, 'GET', '/api/v1/auth/me')).json().id, { regions: ['上海市/浦东新区'] });
    // the other tenant's people hold values of their own
    const stranger = await createStaff(t, other.adminToken, '别家工程师', 'engineer');
    expect((await t.api(other.adminToken, 'PUT', `/api/v1/dispatch/profiles/${stranger.id}`, { skills: { 电梯维修: 5 }, productLines: ['空调'] })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const vocabulary = (token = acme.adminToken) => t.api(token, 'GET', '/api/v1/dispatch/vocabulary');
  const createRule = (requirements: unknown, name = `规则${Math.random()}`) => t.api(acme.adminToken, 'POST', '/api/v1/dispatch/rules', { name, requirements });

  it("lists the active people's values with how many hold each, most held first", async () => {
    const res = await vocabulary(supervisor.token);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.skills).toEqual([{ name: '电梯维保', people: 2 }, { name: '扶梯', people: 1 }]);
    // 电工证 held expired today; 特种设备作业证 valid through today, and never expiring
    expect(v.certifications).toEqual([{ name: '特种设备作业证', people: 2, valid: 2 }, { name: '电工证', people: 1, valid: 0 }]);
    expect(v.regions).toEqual([{ name: '上海市/浦东新区', people: 5 }, { name: '上海市/徐汇区', people: 1 }]);
    expect(v.productLines).toEqual([{ name: '电梯', people: 2 }, { name: '扶梯', people: 1 }]);
    // people without languages set speak zh, as dispatch reads them
    expect(v.languages).toEqual([{ name: 'zh', people: 5 }, { name: 'en', people: 1 }]);
    // the deactivated engineer's 电梯维修, 高压电工证, 北京市 and 空调 are not there
    expect(JSON.stringify(v)).not.toMatch(/电梯维修|高压电工证|北京市|空调/);
  });

  it('is for admins and supervisors only, and each tenant sees its own', async () => {
    expect((await vocabulary(agent.token)).statusCode).toBe(403);
    expect((await vocabulary(engineer.token)).statusCode).toBe(403);
    expect((await t.api(null, 'GET', '/api/v1/dispatch/vocabulary')).statusCode).toBe(401);
    const theirs = (await vocabulary(other.adminToken)).json();
    expect(theirs.skills).toEqual([{ name: '电梯维修', people: 1 }]);
    expect(theirs.productLines).toEqual([{ name: '空调', people: 1 }]);
    expect(theirs.certifications).toEqual([]);
  });

  it('saves a rule nobody can meet, with a warning on each requirement nobody meets', async () => {
    const res = await createRule({ skill: '电梯维修', level: 3, certification: '电工证', region: '北京市', productLine: '空调', onSite: true });
    expect(res.statusCode, res.body).toBe(201);
    const rule = res.json();
    expect(rule.requirements).toMatchObject({ skill: '电梯维修', level: 3 });
    expect(rule.warnings).toEqual([
      { field: 'requirements.skill', code: 'NOBODY_QUALIFIES', message: 'Nobody has the skill 电梯维修 at level 3 or above: tickets this rule matches will wait in the queue', value: '电梯维修', level: 3 },
      { field: 'requirements.certification', code: 'ALL_EXPIRED', message: 'Every holder of the certification 电工证 (1) has it expired: tickets this rule matches will wait in the queue', value: '电工证', holders: 1 },
      { field: 'requirements.region', code: 'NOBODY_QUALIFIES', message: 'Nobody serves the region 北京市: tickets this rule matches will wait in the queue', value: '北京市' },
      { field: 'requirements.productLine', code: 'NOBODY_QUALIFIES', message: 'Nobody covers the product line 空调: tickets this rule matches will wait in the queue', value: '空调' },
    ]);
    // saved all the same: people may be added later
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/dispatch/rules')).json().items.map((r: { id: string }) => r.id)).toContain(rule.id);
    // the level nobody reaches
    const level = (await createRule({ skill: '电梯维保', level: 5 })).json();
    expect(level.warnings).toMatchObject([{ field: 'requirements.skill', code: 'NOBODY_QUALIFIES', value: '电梯维保', level: 5 }]);
  });

  it('gives no warning when someone qualifies, and none on a disabled rule', async () => {
    const ok = await createRule({ skill: '电梯维保', level: 4, certification: '特种设备作业证', region: '上海市/浦东新区/张江', productLine: '电梯', language: 'en' });
    expect([ok.statusCode, ok.json().warnings]).toEqual([201, []]);
    const off = await t.api(acme.adminToken, 'POST', '/api/v1/dispatch/rules', { name: '停用的规则', enabled: false, requirements: { skill: '电梯维修' } });
    expect([off.statusCode, off.json().warnings]).toEqual([201, []]);
    // enabling it is a save like any other: the warning comes then
    const on = await t.api(acme.adminToken, 'PATCH', `/api/v1/dispatch/rules/${off.json().id}`, { enabled: true });
    expect([on.statusCode, on.json().warnings.map((w: { field: string }) => w.field)]).toEqual([200, ['requirements.skill']]);
  });

  it('warns on a change too, and when each requirement is met but never by one person', async () => {
    const rule = (await createRule({ skill: '扶梯' })).json();
    expect(rule.warnings).toEqual([]);
    // 扶梯 is 高峰's skill, 徐汇区 林涛's region
    const res = await t.api(acme.adminToken, 'PATCH', `/api/v1/dispatch/rules/${rule.id}`, { requirements: { skill: '扶梯', region: '上海市/徐汇区' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().warnings).toMatchObject([{ field: 'requirements', code: 'NOBODY_MEETS_ALL' }]);
    // the other tenant's 电梯维修 does not count here
    expect((await createRule({ skill: '电梯维修' })).json().warnings).toHaveLength(1);
    const missing = await t.api(acme.adminToken, 'PATCH', '/api/v1/dispatch/rules/0190a0a0-0000-7000-8000-000000000999', { enabled: true });
    expect(missing.statusCode).toBe(404);
  });
});
