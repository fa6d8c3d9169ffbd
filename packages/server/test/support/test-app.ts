import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, makeDeps } from '../../src/app';
import { fixedClock, type Clock } from '../../src/platform/clock';
import { loadConfig, type Config } from '../../src/platform/config';
import type { Database } from '../../src/platform/db/database';
import type { Deps } from '../../src/platform/deps';
import { createTenant } from '../../src/modules/identity/create-tenant';
import { createTestDatabase } from './test-db';

export interface TestTenant {
  id: string;
  slug: string;
  adminEmail: string;
  adminToken: string;
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  deps: Deps;
  config: Config;
  clock: Clock & { advance(ms: number): void; set(d: Date | string): void };
  /** Creates a tenant with an admin and signs the admin in. */
  tenant(name?: string): Promise<TestTenant>;
  /** Signs a user in and returns the bearer token. */
  login(email: string, password: string, tenant?: string): Promise<string>;
  /** JSON request helper: api(token, 'POST', '/api/v1/tickets', body). */
  api(token: string | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const PASSWORD = 'Passw0rd-测试';
let counter = 0;

/** The whole HTTP app on a fresh database, driven with fastify.inject (no port). */
export async function startTestApp(opts: { env?: Record<string, string>; clock?: boolean } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'gongdan-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...opts.env });
  const clock = fixedClock('2026-03-02T01:00:00Z');
  const deps = makeDeps(config, db, opts.clock ? { clock } : {});
  const app = await buildApp(config, deps);
  await app.ready();
  const api: TestApp['api'] = (token, method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const login = async (email: string, password: string, tenant?: string) => {
    const res = await api(null, 'POST', '/api/v1/auth/login', { email, password, ...(tenant ? { tenant } : {}) });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    return res.json().token as string;
  };
  return {
    app,
    db,
    deps,
    config,
    clock,
    api,
    login,
    async tenant(name = `测试租户${++counter}`) {
      const adminEmail = `admin${counter}-${Date.now()}@example.com`;
      const { tenant } = await createTenant(db, { name, adminEmail, adminPassword: PASSWORD });
      return { id: tenant.id, slug: tenant.slug, adminEmail, adminToken: await login(adminEmail, PASSWORD) };
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
