import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createStaff } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Every map of the console (派单地图, 上门地址) draws on the configured tile server: any staff member may
// read it; customers may not.
describe('the map tiles a deployment configures', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp({ env: { MAP_TILE_URL: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© 内网图源' } });
    acme = await t.tenant();
  });
  afterAll(async () => t?.close());

  it('are read by staff of every role, the same as the dispatch map has them, and refused to a customer', async () => {
    const tiles = { tileUrl: 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png', attribution: '© 内网图源' };
    for (const role of ['engineer', 'agent'] as const) {
      const who = await createStaff(t, acme.adminToken, `看地图的${role}`, role);
      const res = await t.api(who.token, 'GET', '/api/v1/dispatch/map-tiles');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(tiles);
    }
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/dispatch/board')).json().map).toEqual(tiles);
    const customer = await createCustomer(t, acme.adminToken, '门户客户');
    const refused = await t.api(customer.token, 'GET', '/api/v1/dispatch/map-tiles');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect((await t.api(null, 'GET', '/api/v1/dispatch/map-tiles')).statusCode).toBe(401);
  });
});
