import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntelligence } from '../../../src/modules/intelligence';
import { createEmailPlugin } from '../../../src/modules/intake/email/email-plugin';
import { freePort, startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';
import { swaksEml, utf8Mail } from './mail-support';

// A mail from a top-tier customer becomes a ticket written with its final priority: the creation event
// already carries it, and nothing changes the priority after the commit (the intelligence consumers
// run too, as in a real process).
let t: IntakeTestApp;
let port: number;
let tenant: TestTenant;
let intel: { close(): Promise<void> };
const CHANNEL = 'service@vip-prio.example.cn';

const events = async (ticketId: string) => (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/events`)).json().items as any[];

async function contactOfTier(tier: string, email: string, name: string) {
  const org = await t.api(tenant.adminToken, 'POST', '/api/v1/organizations', { name: `${name}的公司`, tier });
  expect(org.statusCode, org.body).toBe(201);
  const c = await t.api(tenant.adminToken, 'POST', '/api/v1/contacts', { name, organizationId: org.json().id, identities: [{ kind: 'email', value: email }] });
  expect(c.statusCode, c.body).toBe(201);
  return c.json();
}

async function mail(o: { from: string; subject: string; body: string; id: string; inReplyTo?: string }) {
  const r = await swaksEml(port, utf8Mail({ from: o.from, to: CHANNEL, subject: o.subject, body: o.body, messageId: o.id, inReplyTo: o.inReplyTo }), { from: o.from, to: CHANNEL });
  expect(r.out).toMatch(/<- +250 /);
  await t.settle();
  await t.settle();
}

/** The one ticket of the subject, its creation event and the kinds of all its events. */
async function only(subject: string) {
  const list = ((await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?channel=email&limit=200')).json().items as any[]).filter((x) => x.title === subject);
  expect(list).toHaveLength(1);
  const ticket = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${list[0].id}`)).json();
  const evs = await events(ticket.id);
  return { ticket, created: evs.find((e) => e.kind === 'ticket.created'), kinds: evs.map((e) => e.kind) };
}

beforeAll(async () => {
  port = await freePort();
  t = await startIntakeTestApp({ plugins: [createEmailPlugin()], env: { SMTP_PORT: String(port), SMTP_HOST: '127.0.0.1' } });
  intel = startIntelligence({ deps: t.deps, outbox: t.outbox, retrainMinutes: 0, log: console });
  tenant = await t.tenant('贵宾优先');
  // the channel's own rule files everything as low: what the customer's tier makes of it shows
  const ch = await t.api(tenant.adminToken, 'POST', '/api/v1/channels', { kind: 'email', name: '客服邮箱', address: CHANNEL, defaults: { priority: 'low' } });
  expect(ch.statusCode, ch.body).toBe(201);
});
afterAll(async () => {
  await intel?.close();
  await t?.close();
});

describe('a channel ticket is announced once, with the priority its customer’s tier gives it', () => {
  it('a mail from a VIP organization’s contact: created at normal (never low), no later priority change', async () => {
    await contactOfTier('vip', 'lin@vip-org.example.cn', '林总');
    await mail({ from: 'lin@vip-org.example.cn', subject: '发票寄错地址了', body: '上个月的发票寄到了旧地址，请重新寄送。', id: 'vip-1@vip-org.example.cn' });
    const { ticket, created, kinds } = await only('发票寄错地址了');
    expect(ticket.priority).toBe('normal');
    expect(created.data.after.priority).toBe('normal');
    expect(kinds).toEqual(['ticket.created']);
  });

  it('a mail from a super-VIP organization’s contact: one level up at creation; a standard customer’s stays as the channel set it', async () => {
    await contactOfTier('svip', 'he@svip-org.example.cn', '何总');
    await mail({ from: 'he@svip-org.example.cn', subject: '门禁系统无法刷卡', body: '大堂的门禁今天早上开始刷卡没有反应。', id: 'svip-1@svip-org.example.cn' });
    await mail({ from: 'someone@plain.example.cn', subject: '车位预约失败', body: '预约下周的车位一直失败。', id: 'plain-1@plain.example.cn' });
    const vip = await only('门禁系统无法刷卡');
    expect(vip.ticket.priority).toBe('normal');
    expect(vip.created.data.after.priority).toBe('normal');
    expect(vip.kinds).toEqual(['ticket.created']);
    const plain = await only('车位预约失败');
    expect(plain.ticket.priority).toBe('low');
    expect(plain.kinds).toEqual(['ticket.created']);
  });

  it('a mail that answers an unknown message (its requester found while looking for the conversation) is raised for that contact’s tier too', async () => {
    const contact = await contactOfTier('key_account', 'qian@key-org.example.cn', '钱主任');
    await mail({ from: 'qian@key-org.example.cn', subject: '空调机组报警', body: '机房空调机组一直报警。', id: 'key-1@key-org.example.cn', inReplyTo: 'never-seen@elsewhere.example.cn' });
    const { ticket, created, kinds } = await only('空调机组报警');
    expect(ticket.requesterId).toBe(contact.id);
    expect(ticket.priority).toBe('normal');
    expect(created.data.after.priority).toBe('normal');
    expect(kinds).toEqual(['ticket.created']);
  });

  it('the third mail about the same problem is raised for the repeat, at creation', async () => {
    const from = 'zhao@repeat.example.cn';
    for (const [i, subject] of ['打印机卡纸', '打印机又卡纸', '打印机还是卡纸'].entries()) await mail({ from, subject, body: '三楼的打印机卡纸了。', id: `repeat-${i}@repeat.example.cn` });
    const third = await only('打印机还是卡纸');
    expect((await only('打印机卡纸')).ticket.priority).toBe('low');
    expect(third.ticket.priority).toBe('normal');
    expect(third.created.data.after.priority).toBe('normal');
    expect(third.kinds).toEqual(['ticket.created']);
  });
});
