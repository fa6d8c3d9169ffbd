import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { iotPlugin } from '../../../src/modules/intake/iot';
import { freePort, startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';
import { mosquittoPub } from './mqtt-client';

// External broker mode: a real Mosquitto broker (Debian's), Gongdan subscribed to it with MQTT_URL;
// the device publishes to Mosquitto (which authenticates it), Gongdan stores and processes the alarm.
let t: IntakeTestApp;
let tenant: TestTenant;
let broker: ChildProcess;
let port: number;

const until = async (ok: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};
const listening = (p: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ port: p, host: '127.0.0.1' }, () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false));
  });

beforeAll(async () => {
  port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gongdan-mosquitto-'));
  writeFileSync(join(dir, 'mosquitto.conf'), `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`);
  broker = spawn('/usr/sbin/mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
  await until(() => listening(port));
  t = await startIntakeTestApp({ plugins: [iotPlugin], env: { MQTT_URL: `mqtt://127.0.0.1:${port}`, MQTT_PORT: '0' } });
  tenant = await t.tenant('外部代理租户');
});
afterAll(async () => {
  await t?.close();
  broker?.kill('SIGTERM');
});

it('stores alarms published to an external broker under the tenant of the slug in the topic', async () => {
  const inbound = async () => (await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?channel=iot')).json().items;
  // the subscription is made once connected: publish until the first alarm arrives
  await until(async () => {
    await mosquittoPub({ port, username: 'device', password: 'x', topic: `gongdan/${tenant.slug}/devices/SN-EXT-1/alarm`, message: JSON.stringify({ id: 'ext-1', code: 'E21', message: '门锁故障', severity: 'critical' }) });
    return (await inbound()).length > 0;
  });
  await mosquittoPub({ port, username: 'device', password: 'x', topic: 'gongdan/no-such-tenant/devices/SN-X/alarm', message: '{"code":"E1"}' });
  await mosquittoPub({ port, username: 'device', password: 'x', topic: `gongdan/${tenant.slug}/devices/SN-EXT-1/recovery`, message: JSON.stringify({ id: 'ext-2', code: 'E21' }) });
  await until(async () => (await inbound()).length >= 2);
  await t.settle();
  const items = await inbound();
  expect(items).toHaveLength(2); // duplicates of ext-1 (published until it arrived) stored once; the unknown tenant's not at all
  expect(items.map((m: any) => m.meta.via)).toEqual(['mqtt-external', 'mqtt-external']);
  const [asset] = (await t.api(tenant.adminToken, 'GET', '/api/v1/assets?serial=SN-EXT-1')).json().items;
  const full = (await t.api(tenant.adminToken, 'GET', `/api/v1/assets/${asset.id}`)).json();
  expect(full.alarms[0]).toMatchObject({ code: 'E21', state: 'recovered', ticket: { status: 'resolved' } });
});
