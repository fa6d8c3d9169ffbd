import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

describe('sign-in, sessions and API keys', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('登录测试');
  });
  afterAll(() => t.close());

  it('sets an httpOnly session cookie that authenticates browser requests, and signs out', async () => {
    const res = await t.api(null, 'POST', '/api/v1/auth/login', { email: acme.adminEmail.toUpperCase(), password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gongdan_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { gongdan_session: cookie.value } });
    expect(me.json()).toMatchObject({ role: 'admin', tenantId: acme.id });
    // a cookie-authenticated change from another site is refused
    const csrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      cookies: { gongdan_session: cookie.value },
      headers: { origin: 'https://evil.example.com', 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x', description: 'y', requester: { email: 'a@b.cn' } }),
    });
    expect(csrf.statusCode).toBe(403);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { gongdan_session: cookie.value } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { gongdan_session: cookie.value } });
    expect(after.statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const wrong = await t.api(null, 'POST', '/api/v1/auth/login', { email: acme.adminEmail, password: 'nope12345' });
    const unknown = await t.api(null, 'POST', '/api/v1/auth/login', { email: 'nobody@example.com', password: 'nope12345' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('shows an API key once, stores only its hash, and stops accepting it when revoked', async () => {
    const created = await t.api(acme.adminToken, 'POST', '/api/v1/api-keys', { name: '呼叫中心集成', role: 'agent' });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect(key).toMatch(/^gdk_/);
    const list = await t.api(acme.adminToken, 'GET', '/api/v1/api-keys');
    expect(JSON.stringify(list.json())).not.toContain(key);
    const stored = await t.db.tenant(acme.id, (q) => q.query<{ key_hash: string }>('SELECT key_hash FROM api_keys WHERE id = $1', [id]));
    expect(stored[0].key_hash).not.toContain(key.slice(4));
    expect((await t.api(key, 'GET', '/api/v1/tickets')).statusCode).toBe(200);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/api-keys/${id}`)).statusCode).toBe(204);
    expect((await t.api(key, 'GET', '/api/v1/tickets')).statusCode).toBe(401);
  });

  it('lists API keys in the same camelCase shape as the create answer, without the key', async () => {
    const created = (await t.api(acme.adminToken, 'POST', '/api/v1/api-keys', { name: '工单同步脚本', role: 'supervisor' })).json();
    expect(created).toMatchObject({ name: '工单同步脚本', role: 'supervisor', lastUsedAt: null, revokedAt: null });
    expect((await t.api(created.key, 'GET', '/api/v1/tickets')).statusCode).toBe(200);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/api-keys/${created.id}`)).statusCode).toBe(204);
    const list = await t.api(acme.adminToken, 'GET', '/api/v1/api-keys');
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((k: { id: string }) => k.id === created.id);
    const { key: _secret, ...withoutKey } = created;
    expect(Object.keys(item).sort()).toEqual(Object.keys(withoutKey).sort());
    expect(Object.keys(item).sort()).toEqual(['createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'role']);
    expect(item).toMatchObject({ name: '工单同步脚本', prefix: created.prefix, role: 'supervisor', createdAt: created.createdAt, createdBy: created.createdBy });
    expect(item.createdBy).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(item.lastUsedAt).toISOString()).toBe(item.lastUsedAt);
    expect(new Date(item.revokedAt).toISOString()).toBe(item.revokedAt);
    expect(JSON.stringify(list.json())).not.toContain(created.key);
    // only admins list keys
    const agent = (await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: 'keys-agent@acme.cn', name: '坐席小王', role: 'agent', password: PASSWORD })).json();
    expect(agent.id).toBeTruthy();
    expect((await t.api(await t.login('keys-agent@acme.cn', PASSWORD), 'GET', '/api/v1/api-keys')).statusCode).toBe(403);
  });

  it('stores passwords with a memory-hard hash and enforces the password policy', async () => {
    const rows = await t.db.tenant(acme.id, (q) => q.query<{ password_hash: string }>('SELECT password_hash FROM users LIMIT 1'));
    expect(rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const weak = await t.api(acme.adminToken, 'POST', '/api/v1/users', { email: 'weak@acme.cn', name: '弱密码', role: 'agent', password: '123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password', details: [{ field: 'password', code: 'password_too_short' }] });
  });
});
