import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from '../../src/modules/identity/create-tenant';
import { AppError } from '../../src/platform/errors';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

describe('password policy wherever a password is set', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('密码策略');
  });
  afterAll(() => t.close());

  const issue = (res: { statusCode: number; json(): { error: { code: string; field: string; details: { code: string; message: string }[] } } }) => {
    expect(res.statusCode).toBe(400);
    const { code, field, details } = res.json().error;
    return { code, field, detail: details[0].code, message: details[0].message };
  };

  it('refuses common passwords and their simple variations when an admin creates a user', async () => {
    for (const password of ['password1', 'Passw0rd', 'P@ssw0rd!', 'Qwerty2026', '1qaz2wsx!']) {
      const res = await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: 'wangfang@acme.cn', name: '王芳', role: 'agent', password });
      expect(issue(res), password).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password', detail: 'password_too_common' });
      expect(issue(res).message).toMatch(/choose a less predictable one/);
    }
    const taken = await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: 'wangfang@acme.cn', name: '王芳', role: 'agent', password: 'Wangfang2026' });
    expect(issue(taken)).toMatchObject({ field: 'password', detail: 'password_contains_email' });
    const ok = await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: 'wangfang@acme.cn', name: '王芳', role: 'agent', password: 'Lantern-river-58' });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("refuses them when a password is reset, checking the user's own email", async () => {
    const user = (await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: 'zhaolei@acme.cn', name: '赵磊', role: 'agent', password: PASSWORD })).json();
    const common = await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${user.id}`, { password: 'Iloveyou520' });
    expect(issue(common)).toMatchObject({ field: 'password', detail: 'password_too_common' });
    const own = await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${user.id}`, { password: 'ZhaoLei-8899' });
    expect(issue(own)).toMatchObject({ field: 'password', detail: 'password_contains_email' });
    const ok = await t.api(acme.adminToken, 'PATCH', `/api/v1/users/${user.id}`, { password: 'Lantern-river-59' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.api(null, 'POST', '/api/v1/auth/login', { email: 'zhaolei@acme.cn', password: 'Lantern-river-59' })).statusCode).toBe(200);
  });

  it("refuses them for a new tenant's administrator, and counts characters, not NULs", async () => {
    const attempt = (adminPassword: string) => createTenant(t.db, { name: '西湖物业', adminEmail: 'boss@xihu.example.com', adminPassword }).catch((e: unknown) => e);
    const common = (await attempt('Password123!')) as AppError;
    expect(common).toBeInstanceOf(AppError);
    expect(common).toMatchObject({ code: 'VALIDATION_FAILED', field: 'adminPassword', details: [{ code: 'password_too_common' }] });
    const padded = (await attempt('xy7\u0000\u0000\u0000\u0000\u0000\u0000')) as AppError;
    expect(padded).toMatchObject({ code: 'VALIDATION_FAILED', field: 'adminPassword', details: [{ code: 'password_too_short' }] });
  });
});
