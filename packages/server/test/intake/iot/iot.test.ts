import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetIdsOfTickets } from '../../../src/modules/intake';
import { iotPlugin } from '../../../src/modules/intake/iot';
import { freePort, startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';
import { mosquittoPub } from './mqtt-client';

// Device alarms through the embedded MQTT broker, published with Debian's mosquitto_pub (QoS 1), and
// over HTTP; the alarm window runs in simulated time (the test clock).
let t: IntakeTestApp;
let tenant: TestTenant;
let key: string;
let port: number;
const MIN = 60_000;

const pub = (serial: string, payload: unknown, o: { kind?: 'alarm' | 'recovery'; slug?: string; password?: string; topic?: string } = {}) =>
  mosquittoPub({
    port,
    username: o.slug ?? tenant.slug,
    password: o.password ?? key,
    topic: o.topic ?? `gongdan/${o.slug ?? tenant.slug}/devices/${serial}/${o.kind ?? 'alarm'}`,
    message: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
const now = () => t.deps.clock.now().toISOString();
const get = async (url: string) => (await t.api(tenant.adminToken, 'GET', url)).json();
const assetOf = async (serial: string) => {
  const [a] = (await get(`/api/v1/assets?serial=${encodeURIComponent(serial)}`)).items;
  return a ? get(`/api/v1/assets/${a.id}`) : undefined;
};
const inbound = (state: string) => get(`/api/v1/intake/messages?channel=iot&state=${state}&limit=200`);

beforeAll(async () => {
  port = await freePort();
  t = await startIntakeTestApp({ plugins: [iotPlugin], clock: true, env: { MQTT_PORT: String(port), MQTT_HOST: '127.0.0.1', IOT_ALARM_WINDOW_MINUTES: '60' } });
  tenant = await t.tenant('物业公司');
  const res = await t.api(tenant.adminToken, 'POST', '/api/v1/iot/keys', { name: '门禁设备' });
  expect(res.statusCode).toBe(201);
  key = res.json().key;
  expect(key).toMatch(/^gdd_/);
  expect((await get('/api/v1/iot/keys')).items[0]).toMatchObject({ name: '门禁设备', revokedAt: null });
  expect(JSON.stringify(await get('/api/v1/iot/keys'))).not.toContain(key);
});
afterAll(() => t?.close());

describe('IoT alarms over MQTT', () => {
  it('stores an alarm before the PUBACK, opens a ticket for an unknown serial with a new unconfirmed asset', async () => {
    const r = await pub('SN-1001', { code: 'E21', message: '门锁故障', severity: 'critical', ts: now() });
    expect(r).toMatchObject({ code: 0 });
    expect((await inbound('pending')).items).toHaveLength(1); // durable when mosquitto_pub got its PUBACK
    await t.settle();
    const asset = await assetOf('SN-1001');
    expect(asset).toMatchObject({ serial: 'SN-1001', confirmed: false, ownerContactId: null });
    expect(asset.alarms).toHaveLength(1);
    expect(asset.alarms[0]).toMatchObject({ code: 'E21', count: 1, state: 'open', severity: 'critical' });
    const ticket = await get(`/api/v1/tickets/${asset.alarms[0].ticket.id}`);
    expect(ticket).toMatchObject({ title: '设备 SN-1001 告警 E21：门锁故障', priority: 'urgent', channel: 'iot', requesterName: '设备 SN-1001' });
    expect(asset.alarms[0].ticket).toEqual({ id: ticket.id, number: ticket.number, title: ticket.title, status: 'new' });
    const assets = await t.db.tenant(tenant.id, (q) => assetIdsOfTickets(q, [ticket.id, ticket.id, ticket.requesterId]));
    expect(Object.fromEntries(assets)).toEqual({ [ticket.id]: [asset.id] });
    const contact = await get(`/api/v1/contacts/${ticket.requesterId}`);
    expect(contact.identities).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'device', value: 'SN-1001' })]));
  });

  it("writes an alarm's ticket as the device, with the alarm's own time on the tenant's clock and no English tag", async () => {
    const raised = new Date(t.deps.clock.now().getTime() - 17 * MIN); // buffered by the device, sent later
    expect((await pub('SN-1009', { code: 'E21', message: '门锁故障', severity: 'major', ts: raised.toISOString() })).code).toBe(0);
    await t.settle();
    const asset = await assetOf('SN-1009');
    const ticket = await get(`/api/v1/tickets/${asset.alarms[0].ticket.id}`);
    // Asia/Shanghai (the tenant's default) is UTC+8 all year
    const shanghai = new Date(raised.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(ticket.description).toContain(`告警时间：${shanghai}`);
    expect(ticket.description).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(ticket.tags).not.toContain('iot');
    const created = (await get(`/api/v1/tickets/${ticket.id}/events`)).items.find((e: any) => e.kind === 'ticket.created');
    expect(created.actor.name).toBe('设备 SN-1009');
  });

  it('counts repeated alarms of the same device and code into the same ticket, with one event per batch', async () => {
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(5 * MIN);
      expect((await pub('SN-1001', { code: 'E21', message: '门锁故障', severity: 'critical', ts: now() })).code).toBe(0);
    }
    await pub('SN-1001', { code: 'E30', message: '电池电量低', severity: 'minor', ts: now() });
    await t.settle();
    const asset = await assetOf('SN-1001');
    const e21 = asset.alarms.filter((a: any) => a.code === 'E21');
    expect(e21).toHaveLength(1);
    expect(e21[0].count).toBe(4);
    const events = (await get(`/api/v1/tickets/${e21[0].ticket.id}/events`)).items.filter((e: any) => e.kind === 'alarm.repeated');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ serial: 'SN-1001', code: 'E21', count: 4, added: 3 });
    const e30 = asset.alarms.find((a: any) => a.code === 'E30');
    expect(e30.ticket.id).not.toBe(e21[0].ticket.id);
    expect((await get(`/api/v1/tickets/${e30.ticket.id}`)).priority).toBe('normal');
  });

  it('opens a new ticket once the window has passed since the last alarm', async () => {
    t.clock.advance(61 * MIN);
    await pub('SN-1001', { code: 'E21', message: '门锁故障', severity: 'major', ts: now() });
    await t.settle();
    const e21 = (await assetOf('SN-1001')).alarms.filter((a: any) => a.code === 'E21');
    expect(e21.map((a: any) => [a.state, a.count])).toEqual([
      ['open', 1],
      ['expired', 4],
    ]);
    expect(e21[0].ticket.id).not.toBe(e21[1].ticket.id);
    // major is high, and the device's third open ticket on the same words (E21, E30) is a repeat: one level up, at creation
    const reopened = await get(`/api/v1/tickets/${e21[0].ticket.id}`);
    expect(reopened.priority).toBe('urgent');
    const events = (await get(`/api/v1/tickets/${reopened.id}/events`)).items;
    expect(events.map((e: any) => e.kind)).toEqual(['ticket.created']);
    expect(events[0].data.after.priority).toBe('urgent');
  });

  it('resolves the ticket on recovery; a recovery without an open alarm is ignored', async () => {
    t.clock.advance(MIN);
    expect((await pub('SN-1001', { code: 'E21', message: '门锁已恢复', ts: now() }, { kind: 'recovery' })).code).toBe(0);
    await pub('SN-2002', { code: 'E21', ts: now() }, { kind: 'recovery' });
    await t.settle();
    const [open] = (await assetOf('SN-1001')).alarms.filter((a: any) => a.code === 'E21');
    expect(open.state).toBe('recovered');
    expect(open.ticket.status).toBe('resolved');
    const events = (await get(`/api/v1/tickets/${open.ticket.id}/events`)).items;
    expect(events.find((e: any) => e.kind === 'ticket.updated').data).toMatchObject({ changes: { status: { to: 'resolved' } }, reason: '设备 SN-1001 已恢复（E21）' });
    const ignored = (await inbound('ignored')).items;
    expect(ignored.map((m: any) => [m.meta.serial, m.outcome])).toContainEqual(['SN-2002', 'no_open_alarm']);
  });

  it('takes a second delivery of the same alarm as a duplicate', async () => {
    const payload = { id: 'msg-42', code: 'E50', message: '烟感报警', severity: 'critical' };
    await pub('SN-3003', payload);
    await pub('SN-3003', payload);
    await pub('SN-3003', { code: 'E51', ts: '2026-03-02T01:00:00Z' });
    await pub('SN-3003', { code: 'E51', ts: '2026-03-02T01:00:00Z' });
    await t.settle();
    const asset = await assetOf('SN-3003');
    expect(asset.alarms.map((a: any) => [a.code, a.count]).sort()).toEqual([
      ['E50', 1],
      ['E51', 1],
    ]);
  });

  it('refuses a wrong key, a key of another tenant, a revoked key and topics of another tenant', async () => {
    const other = await t.tenant('另一家公司');
    const otherKey = (await t.api(other.adminToken, 'POST', '/api/v1/iot/keys', { name: 'x' })).json().key;
    const bad = await pub('SN-1', { code: 'E1' }, { password: 'gdd_wrong' });
    expect(bad.code).not.toBe(0);
    expect(bad.output).toMatch(/not authori[sz]ed|bad user name or password/i);
    expect((await pub('SN-1', { code: 'E1' }, { password: otherKey })).code).not.toBe(0); // slug of this tenant, key of the other
    expect((await pub('SN-1', { code: 'E1' }, { slug: 'no-such-tenant' })).code).not.toBe(0);
    const foreign = await pub('SN-1', { code: 'E1' }, { topic: `gongdan/${other.slug}/devices/SN-1/alarm` });
    expect(foreign.code).not.toBe(0);
    expect(foreign.output).toMatch(/connection was lost/i); // disconnected without a PUBACK
    expect((await pub('SN-1', { code: 'E1' }, { topic: `gongdan/${tenant.slug}/devices/SN-1/status` })).code).not.toBe(0);
    expect((await t.api(other.adminToken, 'GET', '/api/v1/intake/messages?channel=iot')).json().items).toEqual([]);
    // the other tenant's key works for its own slug; revoked, it is refused at once
    const own = await pub('SN-9', { code: 'E1', ts: now() }, { slug: other.slug, password: otherKey });
    expect(own.code).toBe(0);
    const keyId = (await t.api(other.adminToken, 'GET', '/api/v1/iot/keys')).json().items[0].id;
    expect((await t.api(other.adminToken, 'DELETE', `/api/v1/iot/keys/${keyId}`)).statusCode).toBe(204);
    expect((await pub('SN-9', { code: 'E1' }, { slug: other.slug, password: otherKey })).code).not.toBe(0);
  });

  it('refuses, without a PUBACK, a payload that could never become a ticket; stores nothing of it', async () => {
    const before = (await get('/api/v1/intake/messages?channel=iot&limit=200')).items.length;
    const payloads: unknown[] = [
      '不是 JSON',
      { message: '缺少代码' },
      { code: 'E1', severity: '紧急' },
      { code: 'E1', message: '门锁故障', temperature: 85 }, // an unknown field
      { code: 'E1', ts: '9999-12-31T23:59:59Z' }, // far in the future
      { code: 'E1', ts: '1999-01-01T00:00:00+08:00' }, // absurdly far back
      { code: 'E1', message: '门锁\u0000故障' }, // a NUL (PostgreSQL cannot store it)
      { code: 'E1', message: '门锁\ud800故障' }, // a lone surrogate
    ];
    for (const p of payloads) {
      const r = await pub('SN-4004', p);
      expect(r.code, JSON.stringify(p)).not.toBe(0);
      expect(r.output).toMatch(/connection was lost|not authori[sz]ed/i);
    }
    // bytes that are not UTF-8
    const file = join(tmpdir(), `iot-latin1-${process.pid}.json`);
    writeFileSync(file, Buffer.concat([Buffer.from('{"code":"E1","message":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
    expect((await mosquittoPub({ port, username: tenant.slug, password: key, topic: `gongdan/${tenant.slug}/devices/SN-4004/alarm`, file })).code).not.toBe(0);
    expect((await get('/api/v1/intake/messages?channel=iot&limit=200')).items.length).toBe(before);
    // a device clock a few hours off is fine
    expect((await pub('SN-4004', { code: 'E1', ts: new Date(t.deps.clock.now().getTime() + 3 * 3600_000).toISOString() })).code).toBe(0);
  });

  it('refuses oversized payloads', async () => {
    const before = (await get('/api/v1/intake/messages?channel=iot&limit=200')).items.length;
    const file = join(tmpdir(), `iot-big-${process.pid}.json`);
    writeFileSync(file, JSON.stringify({ code: 'E1', message: '大'.repeat(40_000) }));
    const big = await mosquittoPub({ port, username: tenant.slug, password: key, topic: `gongdan/${tenant.slug}/devices/SN-4004/alarm`, file });
    expect(big.code).not.toBe(0);
    expect((await get('/api/v1/intake/messages?channel=iot&limit=200')).items.length).toBe(before);
  });

  it('makes the owner of a confirmed asset the requester', async () => {
    const contact = (await t.api(tenant.adminToken, 'POST', '/api/v1/contacts', { name: '李业主', identities: [{ kind: 'phone', value: '13800138000' }] })).json();
    const asset = await assetOf('SN-3003');
    const res = await t.api(tenant.adminToken, 'PATCH', `/api/v1/assets/${asset.id}`, { confirmed: true, model: 'DL-200 智能门锁', name: '3 号楼大门', ownerContactId: contact.id });
    expect(res.json()).toMatchObject({ confirmed: true, ownerName: '李业主', organizationId: null, organizationName: null, model: 'DL-200 智能门锁' });
    expect((await assetOf('SN-3003')).ownerName).toBe('李业主');
    expect((await t.api(tenant.adminToken, 'PATCH', `/api/v1/assets/${asset.id}`, { ownerContactId: '00000000-0000-7000-8000-000000000000' })).statusCode).toBe(404);
    await pub('SN-3003', { code: 'E60', message: '电机堵转', ts: now() });
    await t.settle();
    const e60 = (await assetOf('SN-3003')).alarms.find((a: any) => a.code === 'E60');
    expect((await get(`/api/v1/tickets/${e60.ticket.id}`)).requesterId).toBe(contact.id);
    const created = await t.api(tenant.adminToken, 'POST', '/api/v1/assets', { serial: 'SN-5005', model: '水泵' });
    expect(created.statusCode).toBe(201);
    expect(created.json().confirmed).toBe(true);
    expect((await t.api(tenant.adminToken, 'POST', '/api/v1/assets', { serial: 'SN-5005' })).statusCode).toBe(409);
  });
});

describe('IoT alarms over HTTP', () => {
  const post = (url: string, body: unknown, bearer: string | null) => t.api(bearer, 'POST', url, body);

  it('takes an alarm with a device key (202), answers a duplicate, refuses a bad key (401) or payload (400)', async () => {
    const body = { serial: 'SN-6006', id: 'h-1', code: 'E70', message: '水压过低', severity: 'major', ts: now() };
    const first = await post('/api/v1/iot/alarms', body, key);
    expect(first.statusCode).toBe(202);
    expect(first.json().duplicate).toBe(false);
    expect((await post('/api/v1/iot/alarms', body, key)).json()).toEqual({ id: first.json().id, duplicate: true });
    const bad = await post('/api/v1/iot/alarms', body, 'gdd_nope');
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await post('/api/v1/iot/alarms', body, null)).statusCode).toBe(401);
    const sev = await post('/api/v1/iot/alarms', { ...body, id: 'h-2', severity: '紧急' }, key);
    expect(sev.statusCode).toBe(400);
    expect(sev.json().error.field).toBe('severity');
    expect((await post('/api/v1/iot/alarms', { serial: 'SN-6006' }, key)).statusCode).toBe(400);
    expect((await post('/api/v1/iot/alarms', { ...body, id: 'h-3', serial: 'a/b' }, key)).statusCode).toBe(400);
    expect((await post('/api/v1/iot/alarms', { ...body, id: 'h-4', message: 'x'.repeat(70_000) }, key)).statusCode).toBe(413);
    const unknown = await post('/api/v1/iot/alarms', { ...body, id: 'h-5', temperature: 85 }, key);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    for (const ts of ['9999-12-31T23:59:59Z', '2000-01-01T00:00:00+08:00']) {
      const far = await post('/api/v1/iot/alarms', { ...body, id: `h-${ts}`, ts }, key);
      expect(far.statusCode, ts).toBe(400);
      expect(far.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ts', details: [{ code: 'out_of_range', value: ts }] });
    }
    // text the database cannot store is refused before the 202, never accepted and then quarantined
    const nul = await post('/api/v1/iot/alarms', { ...body, id: 'h-6', message: '水压\u0000过低' }, key);
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error).toMatchObject({ code: 'INVALID_TEXT', field: 'message' });
    expect((await post('/api/v1/iot/alarms', { ...body, id: 'h-7\ud800' }, key)).json().error).toMatchObject({ code: 'INVALID_TEXT', field: 'id' });
    const quarantined = (await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?state=quarantined&limit=200')).json().items as unknown[];
    expect(quarantined).toEqual([]);
    await t.settle();
    const asset = await assetOf('SN-6006');
    expect(asset.alarms).toHaveLength(1);
    expect(asset.alarms[0]).toMatchObject({ code: 'E70', count: 1 });
    const rec = await post('/api/v1/iot/recoveries', { serial: 'SN-6006', code: 'E70', ts: now() }, key);
    expect(rec.statusCode).toBe(202);
    await t.settle();
    expect((await assetOf('SN-6006')).alarms[0]).toMatchObject({ state: 'recovered', ticket: { status: 'resolved' } });
  });

  it('keeps device keys and assets to admins and staff', async () => {
    const agent = await t.api(tenant.adminToken, 'POST', '/api/v1/users', { email: `agent-${Date.now()}@example.cn`, name: '坐席', role: 'agent', password: 'Passw0rd-测试' });
    const token = await t.login(agent.json().email, 'Passw0rd-测试', tenant.slug);
    expect((await t.api(token, 'POST', '/api/v1/iot/keys', { name: 'x' })).statusCode).toBe(403);
    expect((await t.api(token, 'GET', '/api/v1/assets?serial=SN-1001')).statusCode).toBe(200);
    expect((await t.api(token, 'POST', '/api/v1/assets', { serial: 'SN-7' })).statusCode).toBe(403);
  });
});
