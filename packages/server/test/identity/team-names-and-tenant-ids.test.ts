import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamNames, tenantIds } from '../../src/modules/identity';
import { startTestApp, type TestApp } from '../support/test-app';

// Read functions identity exports for other modules: team names (labels of team ids) and the list
// of tenants a background job visits.
describe('identity read functions', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ clock: true })));
  afterAll(() => t.close());

  it('teamNames maps the tenant\'s teams to their names; tenantIds lists every tenant, oldest first', async () => {
    const first = await t.tenant('团队甲');
    t.clock.advance(1000);
    const second = await t.tenant('团队乙');
    const team = async (token: string, name: string) => (await t.api(token, 'POST', '/api/v1/teams', { name })).json().id as string;
    const desk = await team(first.adminToken, '桌面支持组');
    const net = await team(first.adminToken, '网络组');
    await team(second.adminToken, '别家的组');
    expect(new Map([...(await t.db.tenant(first.id, (q) => teamNames(q)))].sort())).toEqual(new Map([[desk, '桌面支持组'], [net, '网络组']].sort() as [string, string][]));
    expect(await t.db.tenant(second.id, (q) => teamNames(q))).toHaveProperty('size', 1);
    const ids = await t.db.system((q) => tenantIds(q));
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(second.id)).toBeGreaterThan(ids.indexOf(first.id));
    expect(ids).toEqual(await t.db.system(async (q) => (await q.query<{ id: string }>('SELECT id FROM tenants ORDER BY created_at')).map((r) => r.id)));
  });
});
