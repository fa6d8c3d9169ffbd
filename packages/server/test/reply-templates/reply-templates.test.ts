import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// /reply-templates: macros for replies, managed by admins and supervisors, read by all staff.
describe('reply templates', () => {
  let t: TestApp;
  let acme: TestTenant;
  let agent: { token: string };
  let supervisor: { id: string; token: string };
  let categoryId: string;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('回复模板测试');
    agent = await createStaff(t, acme.adminToken, '坐席小蒋', 'agent');
    supervisor = await createStaff(t, acme.adminToken, '主管老沈', 'supervisor');
    categoryId = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '打印设备' })).json().id;
  });
  afterAll(() => t.close());

  const create = (token: string, body: Record<string, unknown>) => t.api(token, 'POST', '/api/v1/reply-templates', body);
  const search = async (token: string, query = '') => (await t.api(token, 'GET', `/api/v1/reply-templates${query}`)).json().items.map((x: { name: string }) => x.name);

  it('lets admins and supervisors write templates, sanitised like comments, and every staff member read and search them', async () => {
    const res = await create(supervisor.token, {
      name: ' 打印机卡纸回复 ',
      body: '<p>您好，请先<b>关闭电源</b>再取出卡纸。</p><script>alert(1)</script><a href="javascript:alert(1)">链接</a>',
      categoryId,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '打印机卡纸回复', categoryId, createdBy: supervisor.id });
    expect(res.json().body).toContain('<b>关闭电源</b>');
    expect(res.json().body).not.toMatch(/script|javascript/);
    expect((await create(acme.adminToken, { name: 'Password reset', body: 'Please use the self-service portal to reset your password.' })).statusCode).toBe(201);
    expect((await create(acme.adminToken, { name: '100%解决确认', body: '请确认问题已解决' })).statusCode).toBe(201);

    expect(await search(agent.token)).toEqual(['100%解决确认', 'Password reset', '打印机卡纸回复']);
    expect(await search(agent.token, `?q=${encodeURIComponent('卡纸')}`)).toEqual(['打印机卡纸回复']);
    expect(await search(agent.token, '?q=password')).toEqual(['Password reset']);
    expect(await search(agent.token, `?q=${encodeURIComponent('%')}`)).toEqual(['100%解决确认']);
    expect(await search(agent.token, `?categoryId=${categoryId}`)).toEqual(['打印机卡纸回复']);
    const engineer = await createStaff(t, acme.adminToken, '工程师老韩', 'engineer');
    expect(await search(engineer.token, '?limit=1&offset=1')).toEqual(['Password reset']);
  });

  it('keeps agents and customers from managing them, and customers from reading them', async () => {
    expect((await create(agent.token, { name: '坐席自建', body: '内容' })).statusCode).toBe(403);
    const one = (await t.api(agent.token, 'GET', '/api/v1/reply-templates')).json().items[0];
    expect((await t.api(agent.token, 'PATCH', `/api/v1/reply-templates/${one.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await t.api(agent.token, 'DELETE', `/api/v1/reply-templates/${one.id}`)).statusCode).toBe(403);
    const customer = await createCustomer(t, acme.adminToken, '客户杨先生');
    expect((await t.api(customer.token, 'GET', '/api/v1/reply-templates')).statusCode).toBe(403);
    expect((await t.api(customer.token, 'GET', `/api/v1/reply-templates/${one.id}`)).statusCode).toBe(403);
  });

  it('validates names, bodies and categories, and changes and deletes a template', async () => {
    const dup = await create(acme.adminToken, { name: 'password RESET', body: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('name');
    const empty = await create(acme.adminToken, { name: '空模板', body: '<p> </p><script>x</script>' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('body');
    const missing = await create(acme.adminToken, { name: '无效分类', body: '内容', categoryId: '01900000-0000-7000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.field).toBe('categoryId');
    expect((await create(acme.adminToken, { name: '多余字段', body: '内容', shared: true })).statusCode).toBe(400);

    const tpl = (await create(acme.adminToken, { name: '上门预约', body: '工程师将于明天上门', categoryId })).json();
    const changed = await t.api(supervisor.token, 'PATCH', `/api/v1/reply-templates/${tpl.id}`, { body: '工程师将于<i>后天</i>上门<img src=x onerror=alert(1)>', categoryId: null });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: '上门预约', categoryId: null });
    expect(changed.json().body).not.toContain('onerror');
    expect((await t.api(supervisor.token, 'PATCH', `/api/v1/reply-templates/${tpl.id}`, { name: '打印机卡纸回复' })).statusCode).toBe(409);
    expect((await t.api(supervisor.token, 'PATCH', `/api/v1/reply-templates/${tpl.id}`, {})).statusCode).toBe(400);
    expect((await t.api(agent.token, 'GET', `/api/v1/reply-templates/${tpl.id}`)).json().body).toContain('<i>后天</i>');
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/reply-templates/${tpl.id}`)).statusCode).toBe(204);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/reply-templates/${tpl.id}`)).statusCode).toBe(404);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/reply-templates/${tpl.id}`)).statusCode).toBe(404);
  });

  it('stays within its tenant, categories included', async () => {
    const other = await t.tenant('另一家公司');
    expect((await t.api(other.adminToken, 'GET', '/api/v1/reply-templates')).json().items).toEqual([]);
    const ours = (await t.api(acme.adminToken, 'GET', '/api/v1/reply-templates')).json().items[0];
    expect((await t.api(other.adminToken, 'GET', `/api/v1/reply-templates/${ours.id}`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'PATCH', `/api/v1/reply-templates/${ours.id}`, { name: '偷改' })).statusCode).toBe(404);
    // another tenant's category id is as unknown as a made-up one
    const res = await create(other.adminToken, { name: '借用分类', body: '内容', categoryId });
    expect(res.statusCode).toBe(404);
    // the same name is fine in another tenant
    expect((await create(other.adminToken, { name: '打印机卡纸回复', body: '另一家的内容' })).statusCode).toBe(201);
  });
});
