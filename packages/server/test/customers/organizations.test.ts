import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

async function userToken(t: TestApp, tenant: TestTenant, role: string, extra: Record<string, unknown> = {}): Promise<string> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.cn`;
  const res = await t.api(tenant.adminToken, 'POST', '/api/v1/users', { email, name: `${role}用户`, role, password: PASSWORD, ...extra });
  expect(res.statusCode).toBe(201);
  return t.login(email, PASSWORD, tenant.slug);
}

describe('organizations over HTTP', () => {
  let t: TestApp;
  let acme: TestTenant;
  let agent: string;
  let engineer: string;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('浦东物业服务');
    agent = await userToken(t, acme, 'agent');
    engineer = await userToken(t, acme, 'engineer');
  });
  afterAll(() => t.close());

  it('creates, reads, updates and lists organizations', async () => {
    const res = await t.api(agent, 'POST', '/api/v1/organizations', {
      name: '上海浦东物业管理有限公司',
      tier: 'key_account',
      domain: 'PDWY.com.cn',
      notes: '重点客户，24小时响应',
    });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({ name: '上海浦东物业管理有限公司', tier: 'key_account', domain: 'pdwy.com.cn', contactCount: 0 });

    const plain = (await t.api(acme.adminToken, 'POST', '/api/v1/organizations', { name: '杭州西湖科技有限公司' })).json();
    expect(plain).toMatchObject({ tier: 'standard', domain: null, notes: '' });

    const got = await t.api(engineer, 'GET', `/api/v1/organizations/${org.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().name).toBe('上海浦东物业管理有限公司');

    const patched = await t.api(agent, 'PATCH', `/api/v1/organizations/${plain.id}`, { tier: 'vip', domain: 'xihu.cn' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: '杭州西湖科技有限公司', tier: 'vip', domain: 'xihu.cn' });
    const cleared = await t.api(agent, 'PATCH', `/api/v1/organizations/${plain.id}`, { domain: null });
    expect(cleared.json().domain).toBeNull();

    const byName = await t.api(engineer, 'GET', `/api/v1/organizations?q=${encodeURIComponent('浦东')}`);
    expect(byName.json().items.map((o: { id: string }) => o.id)).toEqual([org.id]);
    const byDomain = await t.api(engineer, 'GET', '/api/v1/organizations?q=PDWY');
    expect(byDomain.json().items).toHaveLength(1);
    const byTier = await t.api(engineer, 'GET', '/api/v1/organizations?tier=vip');
    expect(byTier.json().items.map((o: { id: string }) => o.id)).toEqual([plain.id]);
    const literal = await t.api(engineer, 'GET', `/api/v1/organizations?q=${encodeURIComponent('%')}`);
    expect(literal.json().items).toHaveLength(0);
  });

  it('pages with limit and offset', async () => {
    for (let i = 0; i < 5; i++) await t.api(agent, 'POST', '/api/v1/organizations', { name: `分页公司${i}` });
    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page: { items: { name: string }[]; nextOffset: number | null } = (
        await t.api(agent, 'GET', `/api/v1/organizations?q=${encodeURIComponent('分页公司')}&limit=2&offset=${offset}`)
      ).json();
      seen.push(...page.items.map((o: { name: string }) => o.name));
      offset = page.nextOffset;
    }
    expect(seen).toEqual(['分页公司0', '分页公司1', '分页公司2', '分页公司3', '分页公司4']);
  });

  it('refuses bad input', async () => {
    const unknown = await t.api(agent, 'POST', '/api/v1/organizations', { name: '某公司', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual(expect.objectContaining({ field: 'colour', code: 'unknown_field' }));
    const badTier = await t.api(agent, 'POST', '/api/v1/organizations', { name: '某公司', tier: 'gold' });
    expect(badTier.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'tier' });
    const wrongType = await t.api(agent, 'POST', '/api/v1/organizations', { name: 42 });
    expect(wrongType.json().error.field).toBe('name');
    const blank = await t.api(agent, 'POST', '/api/v1/organizations', { name: '   ' });
    expect(blank.json().error.field).toBe('name');
    const badDomain = await t.api(agent, 'POST', '/api/v1/organizations', { name: '某公司', domain: 'not a domain' });
    expect(badDomain.json().error.field).toBe('domain');
    const org = (await t.api(agent, 'POST', '/api/v1/organizations', { name: '空补丁公司' })).json();
    const empty = await t.api(agent, 'PATCH', `/api/v1/organizations/${org.id}`, {});
    expect(empty.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    const badQuery = await t.api(agent, 'GET', '/api/v1/organizations?limit=0');
    expect(badQuery.json().error.field).toBe('limit');
    const unknownQuery = await t.api(agent, 'GET', '/api/v1/organizations?sort=name');
    expect(unknownQuery.json().error.details[0]).toMatchObject({ field: 'sort', code: 'unknown_field' });
    const missing = await t.api(agent, 'GET', '/api/v1/organizations/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const badId = await t.api(agent, 'GET', '/api/v1/organizations/123');
    expect(badId.json().error.field).toBe('id');
  });

  it('lets staff read but only admin, supervisor and agent write', async () => {
    const denied = await t.api(engineer, 'POST', '/api/v1/organizations', { name: '工程师建的公司' });
    expect(denied.statusCode).toBe(403);
    const contact = (await t.api(agent, 'POST', '/api/v1/contacts', { name: '王先生', identities: [{ kind: 'email', value: 'wang@example.cn' }] })).json();
    const customer = await userToken(t, acme, 'customer', { contactId: contact.id });
    expect((await t.api(customer, 'GET', '/api/v1/organizations')).statusCode).toBe(403);
    expect((await t.api(null, 'GET', '/api/v1/organizations')).statusCode).toBe(401);
  });

  it('keeps tenants apart', async () => {
    const org = (await t.api(agent, 'POST', '/api/v1/organizations', { name: '仅本租户可见的公司' })).json();
    const other = await t.tenant('另一家租户');
    expect((await t.api(other.adminToken, 'GET', `/api/v1/organizations/${org.id}`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'PATCH', `/api/v1/organizations/${org.id}`, { name: '改名' })).statusCode).toBe(404);
    const list = (await t.api(other.adminToken, 'GET', '/api/v1/organizations')).json();
    expect(list.items).toEqual([]);
    expect((await t.api(agent, 'GET', `/api/v1/organizations/${org.id}`)).json().name).toBe('仅本租户可见的公司');
  });
});
