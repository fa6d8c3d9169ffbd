import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAsset, findAssetBySerial, getAsset } from '../../src/modules/assets';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Assets (设备) on a real database: a building with its lifts (no cycles), search and filters, the
// asset on a ticket (its site and owner fill what the ticket lacks; another tenant's asset is refused),
// the history, the read functions other modules use, QR labels, and removal.
let t: TestApp;
let acme: TestTenant;
let other: TestTenant;
let agent: string;
let org: { id: string };
let building: { id: string };
const lifts: { id: string; serial: string; warrantyState?: string }[] = [];
const api = (method: string, url: string, body?: unknown) => t.api(acme.adminToken, method, url, body);

beforeAll(async () => {
  t = await startTestApp({ clock: true });
  acme = await t.tenant('国贸物业');
  other = await t.tenant('别家物业');
  org = (await api('POST', '/api/v1/organizations', { name: '中国国际贸易中心股份有限公司' })).json();
  await api('POST', '/api/v1/users', { email: 'zhangwei@guomao.cn', name: '张伟', role: 'agent', password: PASSWORD });
  agent = await t.login('zhangwei@guomao.cn', PASSWORD);
});
afterAll(() => t?.close());

describe('assets', () => {
  it('registers a building and its three lifts, found by words and filters', async () => {
    const b = await api('POST', '/api/v1/assets', {
      serial: 'GM-BLDG-01', name: '国贸大厦', productLine: '楼宇', organizationId: org.id,
      address: '北京市朝阳区建国门外大街1号', lat: 39.9087, lng: 116.4605, installedOn: '2010-06-01',
    });
    expect(b.statusCode, b.body).toBe(201);
    building = b.json();
    for (const n of [1, 2, 3]) {
      const res = await api('POST', '/api/v1/assets', {
        serial: `GM-ELV-0${n}`, name: `国贸大厦 ${n} 号电梯`, model: '奥的斯 GeN2', productLine: '电梯', parentId: building.id, organizationId: org.id,
        address: '北京市朝阳区建国门外大街1号', lat: 39.9087, lng: 116.4605, installedOn: '2024-03-01', warrantyEnd: n === 1 ? '2026-03-20' : '2028-03-01',
      });
      expect(res.statusCode, res.body).toBe(201);
      lifts.push(res.json());
    }
    expect(lifts[0]).toMatchObject({ parentId: building.id, parentName: '国贸大厦', organizationName: '中国国际贸易中心股份有限公司', warrantyState: 'expiring', confirmed: true });
    expect(lifts[1].warrantyState).toBe('in_warranty');

    const names = async (q: string) => ((await api('GET', `/api/v1/assets?${q}`)).json().items as { name: string }[]).map((a) => a.name).sort();
    expect(await names(`q=${encodeURIComponent('电梯')}`)).toEqual(['国贸大厦 1 号电梯', '国贸大厦 2 号电梯', '国贸大厦 3 号电梯']);
    expect(await names('q=gen2')).toHaveLength(3);
    expect(await names('q=ELV-02')).toEqual(['国贸大厦 2 号电梯']);
    expect(await names(`q=${encodeURIComponent('100%')}`)).toEqual([]);
    expect(await names(`parentId=${building.id}`)).toHaveLength(3);
    expect(await names('topLevel=true')).toEqual(['国贸大厦']);
    expect(await names(`organizationId=${org.id}&model=${encodeURIComponent('奥的斯 GeN2')}`)).toHaveLength(3);
    expect((await api('GET', '/api/v1/assets?topLevel=true')).json().items[0].children).toBe(3);
    // staff read; only admins change
    expect((await t.api(agent, 'GET', '/api/v1/assets')).statusCode).toBe(200);
    expect((await t.api(agent, 'POST', '/api/v1/assets', { serial: 'X-1' })).statusCode).toBe(403);
    // another tenant sees none of them
    expect((await t.api(other.adminToken, 'GET', '/api/v1/assets')).json().items).toEqual([]);
  });

  it('refuses a cycle, half a position, an unknown parent, a duplicate serial and a warranty before installation', async () => {
    const cycle = await api('PATCH', `/api/v1/assets/${building.id}`, { parentId: lifts[0].id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details[0]).toMatchObject({ field: 'parentId', code: 'cycle' });
    expect((await api('PATCH', `/api/v1/assets/${lifts[0].id}`, { parentId: lifts[0].id })).json().error.details[0].code).toBe('cycle');
    const half = await api('PATCH', `/api/v1/assets/${building.id}`, { lat: null });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details[0]).toMatchObject({ field: 'lat', code: 'required' });
    const unknown = await api('POST', '/api/v1/assets', { serial: 'GM-ESC-01', parentId: '0190e9a2-0000-7000-8000-000000000000' });
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'parentId', code: 'not_found' });
    expect((await api('POST', '/api/v1/assets', { serial: 'GM-ELV-01' })).statusCode).toBe(409);
    expect((await api('POST', '/api/v1/assets', { serial: 'GM-ESC-01', installedOn: '2025-01-01', warrantyEnd: '2024-12-31' })).statusCode).toBe(400);
    expect((await api('POST', '/api/v1/assets', { serial: 'GM-ESC-01', installedOn: '2025-02-30' })).statusCode).toBe(400);
    expect((await api('POST', '/api/v1/assets', { serial: 'GM/ESC' })).statusCode).toBe(400);
    // moving a lift under another parent is fine
    const moved = await api('PATCH', `/api/v1/assets/${lifts[2].id}`, { parentId: null });
    expect(moved.json().parentId).toBeNull();
    expect((await api('PATCH', `/api/v1/assets/${lifts[2].id}`, { parentId: building.id })).json().parentName).toBe('国贸大厦');
  });

  it('a ticket on an asset takes its site and owner organization; PATCH and events carry assetId; another tenant’s asset is a 400', async () => {
    const res = await api('POST', '/api/v1/tickets', { title: '2 号电梯困人', description: '电梯停在 15 楼，有人被困', requester: { phone: '13900001111', name: '王女士' }, assetId: lifts[1].id });
    expect(res.statusCode, res.body).toBe(201);
    const ticket = res.json();
    expect(ticket).toMatchObject({ assetId: lifts[1].id, organizationId: org.id, site: { lat: 39.9087, lng: 116.4605, address: '北京市朝阳区建国门外大街1号' } });
    const created = (await api('GET', `/api/v1/tickets/${ticket.id}/events`)).json().items[0];
    expect(created.kind).toBe('ticket.created');
    expect(JSON.stringify(created.data)).toContain(lifts[1].id);

    // a site given stands
    const own = (await api('POST', '/api/v1/tickets', { title: '门禁', description: '刷卡无反应', requester: { phone: '13900001111' }, assetId: building.id, site: { lat: 39.91, lng: 116.47, address: '东门' } })).json();
    expect(own.site).toEqual({ lat: 39.91, lng: 116.47, address: '东门' });

    const moved = await api('PATCH', `/api/v1/tickets/${ticket.id}`, { assetId: lifts[2].id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assetId).toBe(lifts[2].id);
    const updated = (await api('GET', `/api/v1/tickets/${ticket.id}/events`)).json().items.find((e: { kind: string }) => e.kind === 'ticket.updated');
    expect(updated.data.changes.assetId).toEqual({ from: lifts[1].id, to: lifts[2].id });

    const foreign = (await t.api(other.adminToken, 'POST', '/api/v1/assets', { serial: 'OTHER-1', name: '别家的电梯' })).json();
    for (const r of [
      await api('PATCH', `/api/v1/tickets/${ticket.id}`, { assetId: foreign.id }),
      await api('POST', '/api/v1/tickets', { title: '别家', description: '试试', requester: { phone: '13900001111' }, assetId: foreign.id }),
    ]) {
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'assetId', code: 'not_found' }] });
    }
    expect((await api('PATCH', `/api/v1/tickets/${own.id}`, { assetId: null })).json().assetId).toBeNull();
  });

  it('shows an asset’s place, children and whole history', async () => {
    const lift = (await api('GET', `/api/v1/assets/${lifts[2].id}`)).json();
    expect(lift.ancestors).toEqual([{ id: building.id, serial: 'GM-BLDG-01', name: '国贸大厦' }]);
    expect(lift.tickets.map((x: { title: string }) => x.title)).toEqual(['2 号电梯困人']);
    expect(lift.alarms).toEqual([]);
    expect(lift.qrLink).toMatch(new RegExp(`/portal/${acme.slug}/new\\?asset=[0-9a-f]{32}$`));
    expect(lift.qrLink).not.toContain(lift.id);
    const b = (await api('GET', `/api/v1/assets/${building.id}`)).json();
    expect(b.childAssets.map((c: { serial: string }) => c.serial).sort()).toEqual(['GM-ELV-01', 'GM-ELV-02', 'GM-ELV-03']);
    expect(b.tickets).toEqual([]); // its ticket's asset was cleared
  });

  it('read functions for other modules: by id, by serial, ensure (unconfirmed for a new serial)', async () => {
    await t.db.tenant(acme.id, async (q) => {
      expect(await getAsset(q, lifts[0].id)).toMatchObject({ serial: 'GM-ELV-01', parentId: building.id, productLine: '电梯', warrantyEnd: '2026-03-20', installedOn: '2024-03-01', lat: 39.9087 });
      expect(await findAssetBySerial(q, 'GM-BLDG-01')).toMatchObject({ id: building.id, name: '国贸大厦' });
      expect(await findAssetBySerial(q, 'OTHER-1')).toBeNull();
      const made = await ensureAsset(q, { tenantId: acme.id, serial: 'GM-PUMP-07', at: t.deps.clock.now() });
      expect(made).toMatchObject({ serial: 'GM-PUMP-07', name: null });
      expect((await ensureAsset(q, { tenantId: acme.id, serial: 'GM-PUMP-07' })).id).toBe(made.id);
    });
    expect((await api('GET', '/api/v1/assets?confirmed=false')).json().items.map((a: { serial: string }) => a.serial)).toEqual(['GM-PUMP-07']);
  });

  it('prints QR labels as a PDF sheet and as SVG for the browser', async () => {
    const pdf = await api('GET', `/api/v1/assets/labels.pdf?ids=${lifts.map((l) => l.id).join(',')}`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeLessThan(200_000);
    const all = await t.api(agent, 'GET', `/api/v1/assets/labels.pdf?parentId=${building.id}`);
    expect(all.statusCode).toBe(200);
    const labels = (await api('GET', `/api/v1/assets/labels?ids=${lifts[1].id},${lifts[0].id}`)).json().items;
    expect(labels.map((l: { serial: string }) => l.serial)).toEqual(['GM-ELV-02', 'GM-ELV-01']);
    expect(labels[0].svg).toMatch(/^<svg/);
    expect(labels[0].link).toMatch(/\/new\?asset=[0-9a-f]{32}$/);
    expect((await api('GET', '/api/v1/assets/labels.pdf?ids=not-an-id')).statusCode).toBe(400);
    expect((await t.api(null, 'GET', '/api/v1/assets/labels.pdf')).statusCode).toBe(401);
  });

  it('removing an asset keeps its tickets (without it) and its children (without a parent)', async () => {
    const ticket = (await api('POST', '/api/v1/tickets', { title: '3 号电梯异响', description: '运行时有异响', requester: { phone: '13900001111' }, assetId: lifts[2].id })).json();
    expect((await api('DELETE', `/api/v1/assets/${building.id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/assets/${building.id}`)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/assets/${lifts[0].id}`)).json().parentId).toBeNull();
    expect((await api('DELETE', `/api/v1/assets/${lifts[2].id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({ assetId: null, title: '3 号电梯异响' });
  });
});
