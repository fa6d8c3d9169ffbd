import mqtt from 'mqtt';
import nodemailer from 'nodemailer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { Api } from './api';
import { choose, flow, launch, poll, session, shot, watchLive } from './browser';

// Omnichannel intake in the console, in Chromium against the server started the README's way:
// a WeCom channel added in Administration (secrets write-only, callback URL to copy), a device
// alarm the server cannot read quarantined and processed again from the intake page, and the
// screen pop of a CTI call with the caller's open tickets and a new ticket for them.

const env = inject('e2e');
let browser: Browser | null = null;
let api: Api;

beforeAll(async () => {
  if (env.problem) throw new Error(env.problem);
  browser = await launch(env);
  api = await Api.signIn(env.serverURL, env.admin.email, env.admin.password);
});

afterAll(async () => {
  await browser?.close();
});

const b = () => browser;

interface ChannelRow {
  id: string;
  name: string;
  kind: string;
  settings: Record<string, unknown>;
  secretsSet: string[];
  defaults: { rules?: unknown[] };
}
interface InboundRow {
  id: string;
  channel: string;
  state: string;
  attempts: number;
  error: { code: string; message: string } | null;
  meta?: Record<string, unknown>;
}

describe('omnichannel intake in the console', () => {
  flow(b, env, 'C1', '渠道：添加企业微信渠道，密钥只显示已设置，回调地址可复制，关键词规则', async () => {
    const { page } = await session(browser!, env, env.admin);
    await page.goto('/admin/channels');
    await page.getByTestId('admin-channels').waitFor();
    await page.getByTestId('admin-tab-channels').getByText('渠道', { exact: true }).waitFor();
    await page.getByTestId('channel-new').click();
    await choose(page, 'channel-kind', '企业微信');
    await page.getByTestId('channel-name').fill('企业微信报修');
    await page.getByTestId('setting-corpId').fill('ww5f3a9c0d1e2b7a');
    await page.getByTestId('setting-agentId').fill('1000002');
    await page.getByTestId('secret-token-input').fill('Tk9x2LmQ-e2e');
    await page.getByTestId('channel-callback-later').waitFor();
    await page.getByTestId('rule-add').click();
    const keywords = page.getByTestId('rule-0-keywords').locator('input');
    await keywords.fill('断网');
    await keywords.press('Enter');
    await choose(page, 'rule-0-team', env.team.name);
    await shot(env, page, 'channel-wecom-filled');
    await page.getByTestId('channel-save').click();

    // the new channel stays open: its callback URL is there to copy into the WeCom console
    const callback = page.getByTestId('channel-callback');
    await poll(() => callback.inputValue().catch(() => '')).toMatch(new RegExp(`^${env.baseURL}/callbacks/wecom/[0-9a-f-]{36}$`));
    await poll(() => page.getByTestId('secret-token-state').innerText()).toBe('已设置');
    expect(await page.getByTestId('secret-token-input').inputValue()).toBe('');
    expect(await page.getByTestId('secret-corpSecret-state').innerText()).toBe('未设置');
    await shot(env, page, 'channel-wecom-saved');
    expect(await page.content()).not.toContain('Tk9x2LmQ-e2e');
    await page.keyboard.press('Escape');

    const row = page.getByTestId('channel-row-企业微信报修');
    await row.waitFor();
    await row.getByText('Token：已设置').waitFor();
    await row.getByText('企业微信', { exact: true }).waitFor();
    const saved = (await api.get<{ items: ChannelRow[] }>('/channels')).items.find((c) => c.name === '企业微信报修');
    expect(saved).toMatchObject({ kind: 'wecom', settings: { corpId: 'ww5f3a9c0d1e2b7a', agentId: '1000002' }, secretsSet: ['token'], defaults: { rules: [{ keywords: ['断网'], teamId: env.team.id }] } });
    await shot(env, page, 'channels-list');
  });

  flow(b, env, 'C2', '收件箱/隔离区：设备的非 JSON 告警当场被拒；无法解析的邮件进入隔离区，显示原因，重新处理', async () => {
    // a device publishes a payload that is not the JSON of the contract: refused before PUBACK (nothing
    // acknowledged that cannot become a ticket), the connection closed, nothing stored
    const tenant = await api.get<{ slug: string }>('/tenant');
    const key = await api.post<{ key: string }>('/iot/keys', { name: '机房空调 e2e' });
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${env.mqttPort}`, { username: tenant.slug, password: key.key, reconnectPeriod: 0, connectTimeout: 10_000 });
    const refused = await Promise.race([
      client.publishAsync(`gongdan/${tenant.slug}/devices/SN-E2E-0001/alarm`, '温度过高 38℃（不是 JSON）', { qos: 1 }).then(() => 'acknowledged', () => 'refused'),
      new Promise<string>((r) => client.once('close', () => r('refused'))),
    ]);
    expect(refused).toBe('refused');
    await client.endAsync(true);
    expect((await api.get<{ items: InboundRow[] }>('/intake/messages?channel=iot')).items.filter((m) => m.meta?.serial === 'SN-E2E-0001')).toEqual([]);

    // what a mail server hands over is taken (never bounced) and kept; one that is not a mail at all
    // cannot become a ticket, so it waits in the quarantine with its reason
    await api.post('/channels', { kind: 'email', name: '隔离测试邮箱', address: 'geli@e2e.example.cn' });
    const notMail = '\r\n\r\n这一封没有任何邮件头，不是一封邮件\r\n';
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: env.smtpPort, secure: false, ignoreTLS: true });
    await mailer.sendMail({ envelope: { from: 'zheng@example.cn', to: 'geli@e2e.example.cn' }, raw: notMail });
    mailer.close();
    let stored: InboundRow | undefined;
    await poll(async () => {
      stored = (await api.get<{ items: InboundRow[] }>('/intake/messages?state=quarantined&channel=email')).items[0];
      return stored?.error?.code;
    }).toBe('MALFORMED_MAIL');

    const { page } = await session(browser!, env, env.admin);
    await page.goto('/admin/intake');
    await page.getByTestId('admin-intake').waitFor();
    await page.getByTestId('intake-state-quarantined').click();
    const row = page.getByTestId(`inbound-row-${stored!.id}`);
    // the reason in words, the code only as secondary text
    await row.getByTestId('inbound-error').getByText('邮件无法解析（缺少发件人或邮件头，或 MIME 格式错误）').waitFor();
    await row.getByTestId('inbound-error').getByText(/^MALFORMED_MAIL：/).waitFor();
    await row.getByText('已隔离').waitFor();
    await shot(env, page, 'intake-quarantine');

    await row.getByTestId('inbound-open').click();
    expect(await page.getByTestId('inbound-download').getAttribute('href')).toBe(`/api/v1/intake/messages/${stored!.id}/raw`);
    const raw = await page.context().request.get(`/api/v1/intake/messages/${stored!.id}/raw`);
    expect((await raw.body()).toString('utf8')).toContain('这一封没有任何邮件头，不是一封邮件');
    await shot(env, page, 'intake-detail');
    await page.getByTestId('inbound-drawer-retry').click();
    await page.getByText('已重新排队处理').first().waitFor();
    // the server put it back in line (the answer shown: 待处理, no retry button any more)
    await page.getByTestId('inbound-drawer').getByTestId('inbound-state').getByText('待处理').waitFor();
    expect(await page.getByTestId('inbound-drawer-retry').count()).toBe(0);
    await poll(() => row.getAttribute('data-state')).toBe('pending');
    // processed again: it is still not a mail, so the worker quarantines it again
    await poll(async () => (await api.get<InboundRow>(`/intake/messages/${stored!.id}`)).state).toBe('quarantined');
  });

  flow(b, env, 'C3', '来电弹屏：已知客户的来电显示客户和未完成工单，一键为来电建单', async () => {
    const { page } = await session(browser!, env, env.admin);
    const live = watchLive(page);
    await page.goto('/tickets');
    await page.getByTestId('ticket-table').waitFor();
    await poll(() => live.hello).toBeGreaterThan(0);
    // the seeded caller 赵敏 (13700001111) has the open ticket 财务部打印机卡纸
    await api.post('/cti/events', { event: 'ringing', callId: 'e2e-call-1', caller: '13700001111', callee: '400-800-1234', agent: env.admin.email });
    const pop = page.getByTestId('screen-pop');
    await pop.getByTestId('screen-pop-caller').getByText('13700001111').waitFor();
    await poll(() => pop.getByTestId('screen-pop-state').innerText()).toBe('来电振铃');
    expect(await pop.getByTestId('screen-pop-contact').innerText()).toBe('赵敏');
    await pop.getByTestId('screen-pop-tickets').getByText('财务部打印机卡纸').waitFor();
    await shot(env, page, 'screen-pop');
    await api.post('/cti/events', { event: 'answered', callId: 'e2e-call-1', caller: '13700001111', agent: env.admin.email });
    await poll(() => pop.getByTestId('screen-pop-state').innerText()).toBe('通话中');
    await pop.getByTestId('screen-pop-create').click();
    await page.waitForURL(/\/tickets\/new\?phone=13700001111$/);
    await page.getByTestId('lookup-contact').getByText('赵敏').waitFor();
    await shot(env, page, 'screen-pop-new-ticket');
    await api.post('/cti/events', { event: 'ended', callId: 'e2e-call-1', caller: '13700001111', agent: env.admin.email, durationSeconds: 95 });
  });
});
