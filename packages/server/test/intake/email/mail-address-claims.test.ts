import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestTenant } from '../../support/test-app';

// Mail is routed across tenants (exact address, then @domain): a tenant may not claim an address or a
// domain that overlaps another tenant's email channel. The refusal says "taken", never by whom.
describe('email channel addresses across tenants', () => {
  let t: TestApp;
  let a: TestTenant;
  let b: TestTenant;
  const channel = (tenant: TestTenant, address: string, name = '客服邮箱') => t.api(tenant.adminToken, 'POST', '/api/v1/channels', { kind: 'email', name, address });

  beforeAll(async () => {
    t = await startTestApp();
    a = await t.tenant('甲公司客服中心');
    b = await t.tenant('乙公司售后部');
    expect((await channel(a, 'support@example.com')).statusCode).toBe(201);
    expect((await channel(a, '@corp.example.cn')).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('refuses another tenant an overlapping address or domain with 409 address_taken, case-insensitively, naming no tenant', async () => {
    for (const address of ['@example.com', '@EXAMPLE.com', 'Support@Example.com', 'kefu@corp.example.cn', '@Corp.Example.CN']) {
      const res = await channel(b, address);
      expect(res.statusCode, `${address}: ${res.body}`).toBe(409);
      const error = res.json().error;
      expect(error).toMatchObject({ code: 'CONFLICT', field: 'address', details: [{ field: 'address', code: 'address_taken' }] });
      expect(error.message).toContain('another tenant');
      expect(error.message).not.toContain('甲公司');
      expect(error.message).not.toContain(a.id);
    }
    expect((await t.api(b.adminToken, 'GET', '/api/v1/channels?kind=email')).json().items).toEqual([]);
  });

  it('lets another tenant have a different address of the same domain, and the same tenant overlap itself', async () => {
    expect((await channel(b, 'sales@example.com')).statusCode).toBe(201);
    expect((await channel(a, '@example.com', '全域邮箱')).statusCode).toBe(409); // now b holds an address in it
    expect((await channel(a, 'shouhou@corp.example.cn', '售后邮箱')).statusCode).toBe(201); // inside its own @domain
    // other channel kinds do not route mail
    expect((await t.api(b.adminToken, 'POST', '/api/v1/channels', { kind: 'wecom', name: '企业微信', address: '@corp.example.cn' })).statusCode).toBe(201);
  });

  it('refuses changing a channel to an overlapping address', async () => {
    const own = (await channel(b, 'kefu@yi.example.cn')).json();
    const res = await t.api(b.adminToken, 'PATCH', `/api/v1/channels/${own.id}`, { address: '@corp.example.cn' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].code).toBe('address_taken');
    expect((await t.api(b.adminToken, 'PATCH', `/api/v1/channels/${own.id}`, { name: '乙公司客服' })).statusCode).toBe(200);
  });

  it('lets exactly one of two tenants claiming overlapping addresses at the same moment have it', async () => {
    for (let i = 0; i < 5; i++) {
      const domain = `race${i}.example.cn`;
      const [x, y] = await Promise.all([channel(a, `@${domain}`), channel(b, `kefu@${domain}`)]);
      expect([x.statusCode, y.statusCode].sort(), `${x.body} ${y.body}`).toEqual([201, 409]);
    }
  });
});
