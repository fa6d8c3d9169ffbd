import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCategoryNames } from '../../src/modules/catalog';
import { startTestApp, type TestApp } from '../support/test-app';

// The read function other modules label category ids with: the tenant's active categories only.
describe('activeCategoryNames', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('maps each active category of the tenant to its Chinese name; inactive and other tenants\' ones are left out', async () => {
    const acme = await t.tenant('类目名称');
    const other = await t.tenant('别家类目');
    const post = async (token: string, body: Record<string, unknown>) => (await t.api(token, 'POST', '/api/v1/categories', body)).json().id as string;
    const network = await post(acme.adminToken, { nameZh: '网络故障', nameEn: 'Network' });
    const wifi = await post(acme.adminToken, { nameZh: '无线网络', parentId: network });
    const retired = await post(acme.adminToken, { nameZh: '传真机' });
    await post(other.adminToken, { nameZh: '别家的类目' });
    const off = await t.api(acme.adminToken, 'PATCH', `/api/v1/categories/${retired}`, { active: false });
    expect(off.statusCode, off.body).toBe(200);
    const names = await t.db.tenant(acme.id, (q) => activeCategoryNames(q));
    expect(new Map([...names].sort())).toEqual(new Map([[network, '网络故障'], [wifi, '无线网络']].sort() as [string, string][]));
  });
});
