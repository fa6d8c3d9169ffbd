import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

const TOKEN = 'op-secret-令牌';
const PASSWORD = 'Kaishi2026-管理';

describe('operator API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OPERATOR_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  it('creates a tenant whose administrator can sign in', async () => {
    const res = await t.api(TOKEN, 'POST', '/api/v1/operator/tenants', {
      name: '华东电梯维保有限公司',
      slug: 'huadong-elevator',
      adminEmail: 'Wang.Jianguo@HuaDong.example.com',
      adminPassword: PASSWORD,
      adminName: '王建国',
      timeZone: 'Asia/Shanghai',
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ slug: 'huadong-elevator', name: '华东电梯维保有限公司', adminEmail: 'wang.jianguo@huadong.example.com' });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);

    const token = await t.login('wang.jianguo@huadong.example.com', PASSWORD);
    const me = (await t.api(token, 'GET', '/api/v1/auth/me')).json();
    expect(me).toMatchObject({ name: '王建国', role: 'admin', tenantId: body.id });
    const tenant = (await t.api(token, 'GET', '/api/v1/tenant')).json();
    expect(tenant.name).toBe('华东电梯维保有限公司');

    const list = await t.api(TOKEN, 'GET', '/api/v1/operator/tenants');
    expect(list.statusCode).toBe(200);
    const row = list.json().items.find((x: { id: string }) => x.id === body.id);
    expect(row).toMatchObject({ slug: 'huadong-elevator', name: '华东电梯维保有限公司', users: 1, tickets: 0, timeZone: 'Asia/Shanghai' });
  });

  it('derives a slug from a Chinese name', async () => {
    const res = await t.api(TOKEN, 'POST', '/api/v1/operator/tenants', { name: '西湖物业', adminEmail: 'admin@xihu.example.com', adminPassword: PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(res.json().slug).toMatch(/^t-[0-9a-f]{8}$/);
  });

  it('refuses a weak password, a taken slug, a bad email, a bad time zone and unknown fields', async () => {
    const base = { name: '南京地铁服务中心', adminEmail: 'admin@nj-metro.example.com', adminPassword: PASSWORD };
    const weak = await t.api(TOKEN, 'POST', '/api/v1/operator/tenants', { ...base, adminPassword: '123456' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'adminPassword' });

    expect((await t.api(TOKEN, 'POST', '/api/v1/operator/tenants', { ...base, slug: 'nj-metro' })).statusCode).toBe(201);
    const taken = await t.api(TOKEN, 'POST', '/api/v1/operator/tenants', { ...base, slug: 'nj-metro' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'CONFLICT', field: 'slug' });

    const badSlug = await t.api(TOKEN, 'POST', '/api/v1/operator/tenants', { ...base, slug: '南京' });
    expect(badSlug.statusCode).toBe(400);
    expect(badSlug.json().error.field).toBe('slug');

    const email = await t.api(TOKEN, 'POST', '/api/v1/operator/tenants', { ...base, adminEmail: '不是邮箱' });
    expect(email.statusCode).toBe(400);
    expect(email.json().error.field).toBe('adminEmail');

    const tz = await t.api(TOKEN, 'POST', '/api/v1/operator/tenants', { ...base, timeZone: '火星/奥林匹斯' });
    expect(tz.statusCode).toBe(400);
    expect(tz.json().error.field).toBe('timeZone');

    const unknown = await t.api(TOKEN, 'POST', '/api/v1/operator/tenants', { ...base, plan: 'enterprise' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'plan', code: 'unknown_field' });
  });

  it('answers 401 without the operator token or with a wrong one, before looking at the body', async () => {
    const missing = await t.api(null, 'GET', '/api/v1/operator/tenants');
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('UNAUTHENTICATED');
    const wrong = await t.api('op-secret-错误', 'POST', '/api/v1/operator/tenants', { 乱写: true });
    expect(wrong.statusCode).toBe(401);
    const basic = await t.api(null, 'GET', '/api/v1/operator/tenants', undefined, { authorization: `Basic ${Buffer.from(`op:${TOKEN}`).toString('base64')}` });
    expect(basic.statusCode).toBe(401);
  });

  it('does not accept a tenant administrator session as the operator', async () => {
    const tenant = await t.tenant('杭州某某科技');
    const res = await t.api(tenant.adminToken, 'GET', '/api/v1/operator/tenants');
    expect(res.statusCode).toBe(401);
  });

  it('accepts the token sent as UTF-8 bytes by a real HTTP client', async () => {
    const latin1 = Buffer.from(TOKEN, 'utf8').toString('latin1');
    const res = await t.api(null, 'GET', '/api/v1/operator/tenants', undefined, { authorization: `Bearer ${latin1}` });
    expect(res.statusCode).toBe(200);
  });

  it('documents the operator routes in OpenAPI', async () => {
    const doc = (await t.api(null, 'GET', '/api/openapi.json')).json();
    expect(doc.paths['/api/v1/operator/tenants'].post.tags).toEqual(['operator']);
  });
});

describe('operator API without OPERATOR_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OPERATOR_TOKEN: '' } });
  });
  afterAll(() => t.close());

  it('does not exist', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['POST', { name: '测试', adminEmail: 'a@example.com', adminPassword: PASSWORD }],
    ] as const) {
      for (const token of [null, '', 'anything']) {
        const res = await t.api(token, method, '/api/v1/operator/tenants', body);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('NOT_FOUND');
      }
    }
    const doc = (await t.api(null, 'GET', '/api/openapi.json')).json();
    expect(doc.paths['/api/v1/operator/tenants']).toBeUndefined();
  });
});
