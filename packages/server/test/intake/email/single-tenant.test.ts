import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailPlugin } from '../../../src/modules/intake/email/email-plugin';
import { freePort, startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';
import { swaksEml, utf8Mail } from './mail-support';

// A single-tenant install: the listener takes mail to any address for the one tenant until an
// address is configured; with no relay, agents' replies are recorded as failed with RELAY_NOT_CONFIGURED.
let t: IntakeTestApp;
let port: number;
let solo: TestTenant;
const ACCEPTED = /<- +250 2\.0\.0 Stored/;

beforeAll(async () => {
  port = await freePort();
  t = await startIntakeTestApp({ plugins: [createEmailPlugin()], env: { SMTP_PORT: String(port), SMTP_HOST: '127.0.0.1', SMTP_RELAY_URL: '', MAIL_FROM: '客服 <help@solo.example.cn>' } });
  solo = await t.tenant('独家公司');
});
afterAll(() => t?.close());

describe('email on a single-tenant install', () => {
  it('accepts mail to any address until one is configured, then only mail for configured addresses', async () => {
    const r = await swaksEml(port, utf8Mail({ from: '钱伟 <qianwei@example.cn>', to: 'whatever@anything.example', subject: '无线网络连不上', body: '会议室的 Wi-Fi 一直连不上。', messageId: 'solo-1@example.cn' }), { from: 'qianwei@example.cn', to: 'whatever@anything.example' });
    expect(r.out).toMatch(ACCEPTED);
    await t.settle();
    const items = (await t.api(solo.adminToken, 'GET', '/api/v1/tickets?channel=email')).json().items;
    expect(items.map((x: any) => x.title)).toEqual(['无线网络连不上']);

    const ch = await t.api(solo.adminToken, 'POST', '/api/v1/channels', { kind: 'email', name: '服务台', address: 'it@solo.example.cn' });
    expect(ch.statusCode).toBe(201);
    const refused = await swaksEml(port, utf8Mail({ from: 'qianwei@example.cn', to: 'whatever@anything.example', subject: 'x', body: 'y', messageId: 'solo-2@example.cn' }), { from: 'qianwei@example.cn', to: 'whatever@anything.example' });
    expect(refused.out).toMatch(/<\*\* +550 5\.1\.1/);
    const ok = await swaksEml(port, utf8Mail({ from: 'qianwei@example.cn', to: 'IT@Solo.Example.cn', subject: '打印机', body: '打印机缺墨', messageId: 'solo-3@example.cn' }), { from: 'qianwei@example.cn', to: 'IT@Solo.Example.cn' });
    expect(ok.out).toMatch(ACCEPTED);
  });

  it("records an agent's reply as failed with RELAY_NOT_CONFIGURED when no relay is set", async () => {
    await t.settle();
    const ticket = (await t.api(solo.adminToken, 'GET', '/api/v1/tickets?channel=email')).json().items.find((x: any) => x.title === '无线网络连不上');
    await t.api(solo.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '请重启路由器后再试' });
    await t.settle();
    const log = (await t.api(solo.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/channel-log`)).json();
    expect(log.outbound).toHaveLength(1);
    expect(log.outbound[0]).toMatchObject({ state: 'failed', channel: 'email', recipient: 'qianwei@example.cn' });
    expect(log.outbound[0].error).toEqual({ code: 'RELAY_NOT_CONFIGURED', message: expect.stringMatching(/SMTP_RELAY_URL/) });
  });
});
