import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailPlugin } from '../../src/modules/intake/email/email-plugin';
import { iotPlugin } from '../../src/modules/intake/iot';
import { freePort, startIntakeTestApp, type IntakeTestApp } from '../support/intake-app';
import type { TestTenant } from '../support/test-app';
import { swaks } from './email/mail-support';
import { mosquittoPub } from './iot/mqtt-client';

// A required custom field is for agents saving a ticket. Customers writing in (mail, device alarms)
// are never refused for it: their tickets are created and show the fields an agent still has to fill.
let t: IntakeTestApp;
let tenant: TestTenant;
let smtpPort: number;
let mqttPort: number;
let deviceKey: string;

const get = async (url: string) => (await t.api(tenant.adminToken, 'GET', url)).json();

beforeAll(async () => {
  [smtpPort, mqttPort] = [await freePort(), await freePort()];
  t = await startIntakeTestApp({
    plugins: [createEmailPlugin(), iotPlugin],
    env: { SMTP_PORT: String(smtpPort), SMTP_HOST: '127.0.0.1', MQTT_PORT: String(mqttPort), MQTT_HOST: '127.0.0.1' },
  });
  tenant = await t.tenant('必填字段物业');
  expect((await t.api(tenant.adminToken, 'POST', '/api/v1/channels', { kind: 'email', name: '报修邮箱', address: 'baoxiu@wuye.example.cn' })).statusCode).toBe(201);
  deviceKey = (await t.api(tenant.adminToken, 'POST', '/api/v1/iot/keys', { name: '水泵' })).json().key;
  const field = await t.api(tenant.adminToken, 'POST', '/api/v1/custom-fields', { key: 'building', kind: 'text', labelZh: '楼栋', labelEn: 'Building', required: true });
  expect(field.statusCode).toBe(201);
});
afterAll(() => t?.close());

describe('required custom fields and channel intake', () => {
  it('creates tickets from a mail and a device alarm, marked with the required fields they miss', async () => {
    const mail = await swaks(smtpPort, [
      '--from', 'zhangwei@example.cn', '--to', 'baoxiu@wuye.example.cn',
      '--header', 'Subject: 地下车库漏水',
      '--add-header', 'Content-Type: text/plain; charset=UTF-8',
      '--body', '地下车库B区顶棚一直在滴水，请派人查看。',
    ]);
    expect(mail.out).toMatch(/<- +250 2\.0\.0 Stored/);
    const alarm = await mosquittoPub({ port: mqttPort, username: tenant.slug, password: deviceKey, topic: `gongdan/${tenant.slug}/devices/PUMP-01/alarm`, message: JSON.stringify({ id: 'a-1', code: 'E21', message: '水泵压力过低', severity: 'critical' }) });
    expect(alarm.code, alarm.output).toBe(0);
    await t.settle();

    expect((await get('/api/v1/intake/messages?state=quarantined')).items).toEqual([]);
    const items = (await get('/api/v1/tickets?limit=50')).items as { id: string; title: string; channel: string }[];
    expect(items.map((x) => x.channel).sort()).toEqual(['email', 'iot']);
    for (const x of items) {
      const ticket = await get(`/api/v1/tickets/${x.id}`);
      expect(ticket.missingFields, x.title).toEqual(['building']);
    }
    // an agent completes the ticket; it is no longer incomplete
    const mailTicket = items.find((x) => x.channel === 'email')!;
    const done = await t.api(tenant.adminToken, 'PATCH', `/api/v1/tickets/${mailTicket.id}`, { customFields: { building: '地下车库' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().missingFields).toEqual([]);
    expect((await get(`/api/v1/tickets/${mailTicket.id}`)).missingFields).toEqual([]);
  });

  it('still requires the field of agents creating a ticket, and an agent cannot empty it', async () => {
    const res = await t.api(tenant.adminToken, 'POST', '/api/v1/tickets', { title: '电梯异响', description: '3号楼电梯运行时有异响', requester: { name: '李娜', phone: '13800138001' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customFields.building' });
    const ok = await t.api(tenant.adminToken, 'POST', '/api/v1/tickets', { title: '电梯异响', description: '3号楼电梯运行时有异响', requester: { name: '李娜', phone: '13800138001' }, customFields: { building: '3号楼' } });
    expect(ok.statusCode).toBe(201);
    expect((await get(`/api/v1/tickets/${ok.json().id}`)).missingFields).toEqual([]);
    const emptied = await t.api(tenant.adminToken, 'PATCH', `/api/v1/tickets/${ok.json().id}`, { customFields: { building: '' } });
    expect(emptied.statusCode).toBe(400);
  });
});
