import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webFormPlugin } from '../../src/modules/intake/web/web-plugin';
import { portalTimings } from '../../src/modules/portal';
import { startIntakeTestApp, type IntakeTestApp } from '../support/intake-app';
import type { TestTenant } from '../support/test-app';

// 扫码报修 end to end on a real database: an asset's QR link opens the portal form with the asset; the
// request, sent without an account, becomes a ticket with the asset, its site and its owner organization.
// Only the label's token finds the asset: not its serial, not its id, not another tenant's portal.
let t: IntakeTestApp;
let tenant: TestTenant;
let lift: { id: string };
let token: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a request while driving the intake worker, as a running server would. */
async function send(method: string, url: string, body?: unknown) {
  const p = t.api(null, method, url, body);
  let done = false;
  void p.finally(() => (done = true));
  while (!done) {
    await t.settle();
    await sleep(20);
  }
  return p;
}

beforeAll(async () => {
  t = await startIntakeTestApp({ plugins: [webFormPlugin], clock: true });
  tenant = await t.tenant('国贸物业服务');
  portalTimings.waitMs = 5000;
  const admin = tenant.adminToken;
  const ch = (await t.api(admin, 'POST', '/api/v1/channels', { kind: 'web', name: '扫码报修', settings: { perIpLimit: 50 } })).json();
  expect((await t.api(admin, 'POST', `/api/v1/channels/${ch.id}/public-key`)).statusCode).toBe(200);
  const saved = await t.api(admin, 'PUT', '/api/v1/portal-settings', { enabled: true, title: '国贸物业报修', logoUrl: null, primaryColor: '#0a7d5a', defaultLocale: 'zh-CN', channelId: ch.id, categories: [] });
  expect(saved.statusCode, saved.body).toBe(200);
  const org = (await t.api(admin, 'POST', '/api/v1/organizations', { name: '中国国际贸易中心股份有限公司' })).json();
  const building = (await t.api(admin, 'POST', '/api/v1/assets', { serial: 'GM-BLDG-01', name: '国贸大厦', organizationId: org.id })).json();
  lift = (await t.api(admin, 'POST', '/api/v1/assets', {
    serial: 'GM-ELV-02', name: '国贸大厦 2 号电梯', model: '奥的斯 GeN2', parentId: building.id, organizationId: org.id,
    address: '北京市朝阳区建国门外大街1号', lat: 39.9087, lng: 116.4605,
  })).json();
  const detail = (await t.api(admin, 'GET', `/api/v1/assets/${lift.id}`)).json();
  const link = new URL(detail.qrLink);
  expect(link.pathname).toBe(`/portal/${tenant.slug}/new`);
  token = link.searchParams.get('asset')!;
  expect(token).toMatch(/^[0-9a-f]{32}$/);
});
afterAll(() => t?.close());

describe('扫码报修', () => {
  it('shows the scanned asset to anyone with the label, and nothing for a serial, an id or another portal', async () => {
    const res = await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}/assets/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ name: '国贸大厦 2 号电梯', serial: 'GM-ELV-02', model: '奥的斯 GeN2', address: '北京市朝阳区建国门外大街1号', organizationName: '中国国际贸易中心股份有限公司' });
    expect(res.body).not.toContain(lift.id);
    expect((await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}/assets/GM-ELV-02`)).statusCode).toBe(400);
    expect((await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}/assets/${'0'.repeat(32)}`)).statusCode).toBe(404);
    const other = await t.tenant('别家物业');
    expect((await t.api(null, 'GET', `/api/v1/portal/${other.slug}/assets/${token}`)).statusCode).toBe(404);
  });

  it('a request sent with the scanned code becomes a ticket with the asset, its site and owner, without an account', async () => {
    const config = (await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}`)).json();
    t.clock.advance(5000);
    const res = await send('POST', `/api/v1/portal/${tenant.slug}/requests`, {
      token: config.token, name: '李先生', phone: '139 1111 2222', title: '电梯门关不上', description: '2 号电梯在一楼门一直开着', asset: token,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { number } = res.json();
    const admin = tenant.adminToken;
    const ticket = (await t.api(admin, 'GET', '/api/v1/tickets?limit=5')).json().items.find((x: { number: number }) => x.number === number);
    const org = (await t.api(admin, 'GET', '/api/v1/organizations')).json().items[0];
    expect(ticket).toMatchObject({ title: '电梯门关不上', assetId: lift.id, organizationId: org.id, site: { lat: 39.9087, lng: 116.4605, address: '北京市朝阳区建国门外大街1号' } });
    const history = (await t.api(admin, 'GET', `/api/v1/assets/${lift.id}`)).json();
    expect(history.tickets.map((x: { number: number }) => x.number)).toEqual([number]);
  });

  it('refuses an unknown code before storing anything; a request without one stays a plain request', async () => {
    const config = (await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}`)).json();
    t.clock.advance(5000);
    const body = { token: config.token, name: '李先生', phone: '13911112222', title: '大堂灯不亮', description: '大堂左侧的灯不亮' };
    const refused = await send('POST', `/api/v1/portal/${tenant.slug}/requests`, { ...body, asset: 'f'.repeat(32) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'asset', code: 'not_found' });
    const plain = await send('POST', `/api/v1/portal/${tenant.slug}/requests`, body);
    expect(plain.statusCode, plain.body).toBe(201);
    const ticket = (await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?limit=5')).json().items.find((x: { number: number }) => x.number === plain.json().number);
    expect(ticket).toMatchObject({ assetId: null, site: null });
  });
});
