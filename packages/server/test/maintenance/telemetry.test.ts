import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iotPlugin } from '../../src/modules/intake/iot';
import { systemActor } from '../../src/modules/identity';
import { countTelemetryReadings, registerTelemetryIntake, sweepMaintenance } from '../../src/modules/maintenance';
import { telemetryWriter } from '../../src/modules/maintenance/telemetry/write-telemetry';
import { updateTicket } from '../../src/modules/tickets';
import { freePort, startIntakeTestApp, type IntakeTestApp } from '../support/intake-app';
import type { TestTenant } from '../support/test-app';

// Telemetry (预测性维护): readings over HTTP and MQTT (a real MQTT client, the embedded broker), stored
// compactly; rules per device model open ONE work order per asset and problem while it is open, with
// the readings that triggered it; retention deletes old rows. Simulated time (the test clock).
let t: IntakeTestApp;
let tenant: TestTenant;
let key: string;
let port: number;
const H = 3_600_000;

const api = (method: string, url: string, body?: unknown) => t.api(tenant.adminToken, method, url, body);
const send = (serial: string, body: unknown, k = key) => t.api(k, 'POST', `/api/v1/devices/${encodeURIComponent(serial)}/telemetry`, body);
const at = (msAgo: number) => new Date(t.deps.clock.now().getTime() - msAgo).toISOString();
const asset = async (serial: string, model: string) => {
  const res = await api('POST', '/api/v1/assets', { serial, model, name: `${model} 电梯 ${serial}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const rule = async (body: unknown) => {
  const res = await api('POST', '/api/v1/telemetry/rules', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const ticketsOf = async (assetId: string) => (await api('GET', `/api/v1/telemetry/incidents?assetId=${assetId}`)).json().items as { ticketId: string; state: string; problem: string; firing: { readings: unknown[]; forecastAt: string | null } }[];

beforeAll(async () => {
  registerTelemetryIntake();
  port = await freePort();
  t = await startIntakeTestApp({ plugins: [iotPlugin], clock: true, env: { MQTT_PORT: String(port), MQTT_HOST: '127.0.0.1' } });
  tenant = await t.tenant('电梯维保公司');
  key = (await api('POST', '/api/v1/iot/keys', { name: '电梯网关' })).json().key;
  await rule({ model: 'EL-200', metric: 'temperature', problem: '电机过热', params: { kind: 'threshold', op: 'above', limit: 90 }, priority: 'urgent' });
  await rule({ model: 'EL-200', metric: 'temperature', problem: '电机温升趋势', params: { kind: 'trend', op: 'above', limit: 90, windowHours: 24, horizonHours: 48, minPoints: 10, minR2: 0.8 } });
  await rule({ model: 'EL-200', metric: 'vibration', problem: '振动异常', params: { kind: 'n_of_m', op: 'above', limit: 2, n: 3, m: 5 } });
});
afterAll(() => t?.close());

describe('telemetry over HTTP', () => {
  it('stores one reading or a batch with the device key; refuses without it or with a bad payload', async () => {
    await asset('EL-0001', 'EL-200');
    const one = await send('EL-0001', { metrics: { temperature: 65.5, vibration: 0.4 } });
    expect(one.statusCode, one.body).toBe(202);
    expect(one.json()).toEqual({ readings: 2, workOrders: [] });
    const batch = await send('EL-0001', { readings: [{ ts: at(2 * H), metrics: { temperature: 64 } }, { ts: at(H), metrics: { temperature: 64.5 } }] });
    expect(batch.json()).toEqual({ readings: 2, workOrders: [] });
    expect((await send('EL-0001', { metrics: { temperature: 1 } }, 'gdd_nope')).statusCode).toBe(401);
    expect((await send('EL-0001', { metrics: { temperature: 'hot' } })).statusCode).toBe(400);
    expect((await send('EL-0001', { metrics: { temperature: 1 }, extra: 1 })).statusCode).toBe(400);
    expect((await send('EL-0001', { ts: '2030-01-01T00:00:00Z', metrics: { temperature: 1 } })).json().error.field).toBe('ts');
  });

  it('a threshold crossing opens ONE work order per asset and problem, with the triggering reading; a new one after it is resolved', async () => {
    const a = await asset('EL-0002', 'EL-200');
    const first = await send('EL-0002', { metrics: { temperature: 93.2 } });
    expect(first.json().workOrders).toHaveLength(1);
    const ticket = (await api('GET', `/api/v1/tickets/${first.json().workOrders[0]}`)).json();
    expect(ticket).toMatchObject({ channel: 'telemetry', priority: 'urgent', assetId: a.id });
    expect(ticket.tags).toContain('预防性维护');
    expect(ticket.title).toContain('电机过热');
    expect(ticket.description).toContain('93.2');
    // still hot: the open order covers it
    expect((await send('EL-0002', { metrics: { temperature: 94 } })).json().workOrders).toEqual([]);
    expect((await ticketsOf(a.id)).map((i) => i.state)).toEqual(['open']);
    // the engineer's work is done (as the system: the tenant's resolve requirements are not the point here)
    await updateTicket(t.deps, systemActor(tenant.id, '工程师'), ticket.id, { status: 'resolved', resolution: '更换散热风扇' });
    const again = await send('EL-0002', { metrics: { temperature: 95 } });
    expect(again.json().workOrders).toHaveLength(1);
    expect(again.json().workOrders[0]).not.toBe(ticket.id);
    expect((await ticketsOf(a.id)).map((i) => i.state).sort()).toEqual(['closed', 'open']);
  });

  it('a rising trend opens a work order before the limit is reached, with the forecast and sampled readings', async () => {
    const a = await asset('EL-0003', 'EL-200');
    const readings = Array.from({ length: 24 }, (_, i) => ({ ts: at((24 - i) * H), metrics: { temperature: 70 + i * 0.5 + (i % 2 ? 0.2 : -0.2) } }));
    const res = await send('EL-0003', { readings });
    expect(res.json().workOrders).toHaveLength(1);
    const [incident] = await ticketsOf(a.id);
    expect(incident.problem).toBe('电机温升趋势');
    expect(Date.parse(incident.firing.forecastAt!)).toBeGreaterThan(t.deps.clock.now().getTime());
    expect(incident.firing.readings.length).toBeGreaterThan(5);
    const ticket = (await api('GET', `/api/v1/tickets/${incident.ticketId}`)).json();
    expect(ticket.description).toContain('预计越限时间');
  });

  it('N of the last M readings, and rules of another model do not apply', async () => {
    const a = await asset('EL-0004', 'EL-200');
    const b = await asset('ES-0001', 'ES-900');
    const vib = (v: number[]) => ({ readings: v.map((x, i) => ({ ts: at((v.length - i) * 60_000), metrics: { vibration: x } })) });
    expect((await send('EL-0004', vib([2.5, 1, 2.6, 1]))).json().workOrders).toEqual([]);
    expect((await send('EL-0004', vib([2.7]))).json().workOrders).toHaveLength(1);
    expect((await send('ES-0001', vib([3, 3, 3, 3, 3]))).json().workOrders).toEqual([]);
    expect((await ticketsOf(a.id))[0].firing.readings).toHaveLength(5);
    expect(await ticketsOf(b.id)).toEqual([]);
  });

  it('concurrent messages crossing the same rule open one work order', async () => {
    const a = await asset('EL-0005', 'EL-200');
    const all = await Promise.all(Array.from({ length: 8 }, (_, i) => send('EL-0005', { metrics: { temperature: 91 + i } })));
    expect(all.map((r) => r.statusCode)).toEqual(Array(8).fill(202));
    expect(all.flatMap((r) => r.json().workOrders)).toHaveLength(1);
    expect(await ticketsOf(a.id)).toHaveLength(1);
  });

  it('messages of many devices at once (written together): each crossing device gets its own work order, the others none, every reading stored', async () => {
    const hot = await Promise.all(['EL-0101', 'EL-0102', 'EL-0103'].map((s) => asset(s, 'EL-200')));
    const cool = await Promise.all(['EL-0104', 'EL-0105'].map((s) => asset(s, 'EL-200')));
    const stored = await countTelemetryReadings(t.deps, tenant.id);
    const sent = await Promise.all([
      ...['EL-0101', 'EL-0102', 'EL-0103'].map((s) => send(s, { readings: [{ ts: at(60_000), metrics: { temperature: 70 } }, { metrics: { temperature: 95 } }] })),
      ...['EL-0104', 'EL-0105'].map((s) => send(s, { metrics: { temperature: 60, vibration: 0.5 } })),
      // a second message of a device in the same batch, and a device nobody registered
      send('EL-0101', { metrics: { temperature: 96 } }),
      send('EL-新设备-9', { metrics: { temperature: 65 } }),
    ]);
    expect(sent.map((r) => r.statusCode)).toEqual(Array(7).fill(202));
    expect(sent.map((r) => r.json().readings)).toEqual([2, 2, 2, 2, 2, 1, 1]);
    const orders = sent.map((r) => r.json().workOrders.length);
    // EL-0101's two messages open one work order between them, whichever was evaluated first
    expect([orders[0] + orders[5], orders[1], orders[2], orders[3], orders[4], orders[6]]).toEqual([1, 1, 1, 0, 0, 0]);
    for (const a of hot) expect((await ticketsOf(a.id)).map((i) => i.problem)).toEqual(['电机过热']);
    for (const a of cool) expect(await ticketsOf(a.id)).toEqual([]);
    const unknown = await api('GET', `/api/v1/assets?serial=${encodeURIComponent('EL-新设备-9')}`);
    expect(unknown.json().items.map((x: { serial: string; confirmed: boolean }) => [x.serial, x.confirmed])).toEqual([['EL-新设备-9', false]]);
    expect(await countTelemetryReadings(t.deps, tenant.id)).toBe(stored + 12);
  });

  it('the writer stores a batch of messages in one transaction and sends a device\'s second message of the batch to run alone', async () => {
    await asset('EL-0201', 'EL-200');
    const now = t.deps.clock.now();
    const unit = (serial: string, temperature: number) => ({ tenantId: tenant.id, serial, now, series: [{ metric: 'temperature', at: [now], values: [temperature] }] });
    const outcomes = await t.db.tenant(tenant.id, (q) => telemetryWriter.many(q, [unit('EL-0201', 93), unit('EL-0202', 60), unit('EL-0201', 94)]));
    expect(outcomes.map((o) => (o.ok ? o.value.opened.map((i) => i.problem) : 'alone' in o ? 'alone' : 'error'))).toEqual([['电机过热'], [], 'alone']);
  });

  it('retention: the sweep deletes readings older than the tenant setting', async () => {
    expect((await api('PUT', '/api/v1/telemetry/settings', { retentionDays: 1 })).json()).toEqual({ retentionDays: 1 });
    t.clock.advance(3 * 24 * H);
    const r = await sweepMaintenance(t.deps, { limit: 1000 });
    expect(r.telemetryDeleted).toBeGreaterThan(5);
    expect((await sweepMaintenance(t.deps, { limit: 1000 })).telemetryDeleted).toBe(0);
  });
});

describe('telemetry over MQTT', () => {
  const connect = () =>
    mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, { username: tenant.slug, password: key, clientId: `tele-${Math.random().toString(36).slice(2)}`, reconnectPeriod: 0 });

  it('a reading published with QoS 1 is stored before the PUBACK and can open a work order', async () => {
    const a = await asset('EL-0100', 'EL-200');
    const c = await connect();
    try {
      await c.publishAsync(`gongdan/${tenant.slug}/devices/EL-0100/telemetry`, JSON.stringify({ metrics: { temperature: 66 } }), { qos: 1 });
      await c.publishAsync(`gongdan/${tenant.slug}/devices/EL-0100/telemetry`, JSON.stringify({ readings: [{ metrics: { temperature: 97.5 } }] }), { qos: 1 });
    } finally {
      await c.endAsync();
    }
    const [incident] = await ticketsOf(a.id);
    expect(incident).toMatchObject({ problem: '电机过热', state: 'open' });
    expect(incident.ticketId).toBeTruthy();
  });

  it('a payload the contract refuses gets no PUBACK (the broker drops the client)', async () => {
    const c = await connect();
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    c.publish(`gongdan/${tenant.slug}/devices/EL-0100/telemetry`, '{"metrics": {"temperature": "hot"}}', { qos: 1 });
    await closed;
    await c.endAsync(true);
  });
});
