import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFirstTenant } from '../../src/modules/identity/bootstrap-first-tenant';
import { createTenant } from '../../src/modules/identity/create-tenant';
import { ConfigError } from '../../src/platform/config';
import { startTestApp, type TestApp } from '../support/test-app';

// An email may have accounts in several tenants. Whoever does not know a password must not learn
// whether, or where, an email has accounts.
describe('sign-in with an email in several tenants', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const login = (body: Record<string, string>, address: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });

  it('refuses a weak ADMIN_PASSWORD on first start with a message naming the setting', async () => {
    const refused = bootstrapFirstTenant(t.db, { tenantName: '默认租户', adminEmail: 'admin@example.com', adminPassword: 'Admin12345' });
    await expect(refused).rejects.toThrow(ConfigError);
    await expect(refused).rejects.toThrow(/^ADMIN_PASSWORD is refused by the password policy: Password must not contain/);
  });

  it('answers an unknown email, a wrong password and an email of several tenants alike', async () => {
    await createTenant(t.db, { name: '华东电梯', slug: 'huadong', adminEmail: 'duo@example.com', adminPassword: 'Huadong-电梯-2026' });
    await createTenant(t.db, { name: '西湖物业', slug: 'xihu', adminEmail: 'duo@example.com', adminPassword: 'Xihu-物业-2026' });
    await createTenant(t.db, { name: '南京地铁', slug: 'nj-metro', adminEmail: 'solo@example.com', adminPassword: 'Metro-地铁-2026' });
    const unknown = await login({ email: 'nobody@example.com', password: 'Wrong-猜测-1' }, '198.51.100.31');
    const wrong = await login({ email: 'solo@example.com', password: 'Wrong-猜测-1' }, '198.51.100.32');
    const several = await login({ email: 'duo@example.com', password: 'Wrong-猜测-1' }, '198.51.100.33');
    const unknownTenant = await login({ email: 'duo@example.com', password: 'Huadong-电梯-2026', tenant: 'no-such-tenant' }, '198.51.100.34');
    for (const res of [unknown, wrong, several, unknownTenant]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Email or password is wrong' } });
    }
  });

  it('signs in to the one tenant whose password matches, without asking for the tenant', async () => {
    const huadong = await login({ email: 'DUO@example.com', password: 'Huadong-电梯-2026' }, '198.51.100.35');
    expect(huadong.statusCode, huadong.body).toBe(200);
    expect(huadong.json().user.tenantSlug).toBe('huadong');
    const xihu = await login({ email: 'duo@example.com', password: 'Xihu-物业-2026' }, '198.51.100.35');
    expect(xihu.json().user.tenantSlug).toBe('xihu');
  });

  it('asks for the tenant only when the password is right in several, and signs in once it is given', async () => {
    await createTenant(t.db, { name: '甲公司', slug: 'jia', adminEmail: 'same@example.com', adminPassword: 'Tongyi-密码-2026' });
    await createTenant(t.db, { name: '乙公司', slug: 'yi', adminEmail: 'same@example.com', adminPassword: 'Tongyi-密码-2026' });
    const ask = await login({ email: 'same@example.com', password: 'Tongyi-密码-2026' }, '198.51.100.36');
    expect(ask.statusCode).toBe(400);
    expect(ask.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'tenant', details: [{ field: 'tenant', code: 'tenant_required' }] });
    const wrong = await login({ email: 'same@example.com', password: 'Wrong-猜测-1' }, '198.51.100.36');
    expect(wrong.statusCode).toBe(401);
    const yi = await login({ email: 'same@example.com', password: 'Tongyi-密码-2026', tenant: 'yi' }, '198.51.100.36');
    expect(yi.statusCode, yi.body).toBe(200);
    expect(yi.json().user.tenantSlug).toBe('yi');
  });
});
