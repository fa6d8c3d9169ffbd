import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailPlugin } from '../../../src/modules/intake/email/email-plugin';
import { freePort, startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';
import { fixture, startStandInRelay, swaks, swaksEml, utf8Mail, type StandInRelay } from './mail-support';

// The email channel end to end with real parts: Debian's swaks talking SMTP to the built-in listener,
// two tenants routed by address and by @domain, the worker turning mail into tickets and comments,
// and agents' replies going out through an SMTP server standing in for the relay.
let t: IntakeTestApp;
let relay: StandInRelay;
let port: number;
let alpha: TestTenant;
let beta: TestTenant;
const MAX = 200_000;

const tickets = async (tenant: TestTenant) => (await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?channel=email&limit=200')).json().items as any[];
const inbound = async (tenant: TestTenant) => (await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?limit=200')).json().items as any[];
const byExternal = async (tenant: TestTenant, externalId: string) => (await inbound(tenant)).find((m) => m.externalId === externalId);
const events = async (tenant: TestTenant, ticketId: string) => (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/events`)).json().items as any[];
const ACCEPTED = /<- +250 2\.0\.0 Stored/;
const accepted = (r: { out: string }) => ACCEPTED.test(r.out);

beforeAll(async () => {
  relay = await startStandInRelay();
  port = await freePort();
  t = await startIntakeTestApp({ plugins: [createEmailPlugin()], env: { SMTP_PORT: String(port), SMTP_HOST: '127.0.0.1', SMTP_MAX_BYTES: String(MAX), SMTP_RELAY_URL: relay.url } });
  alpha = await t.tenant('阿尔法科技');
  beta = await t.tenant('贝塔物业');
  const a = await t.api(alpha.adminToken, 'POST', '/api/v1/channels', { kind: 'email', name: '客服中心', address: 'kefu@alpha.example.cn' });
  expect(a.statusCode).toBe(201);
  const b = await t.api(beta.adminToken, 'POST', '/api/v1/channels', { kind: 'email', name: '物业报修', address: '@beta.example.cn' });
  expect(b.statusCode).toBe(201);
});
afterAll(async () => {
  await t?.close();
  await relay?.close();
});

describe('email over SMTP (swaks → listener → tickets)', () => {
  it('accepts a mail with NUL characters and keeps it byte for byte, cleaning only the text that becomes the ticket', async () => {
    const b64 = (x: string) => Buffer.from(x).toString('base64');
    const eml = Buffer.concat([
      Buffer.from('From: =?UTF-8?B?' + b64('刘\u0000洋') + '?= <liuyang@example.cn>\r\nTo: kefu@alpha.example.cn\r\n'),
      Buffer.from('Message-ID: <nul-'), Buffer.from([0]), Buffer.from('-1@example.cn>\r\n'),
      Buffer.from('Subject: =?UTF-8?B?' + b64('发票\u0000抬头错误') + '?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n'),
      Buffer.from(b64('请重新\u0000开具发票，抬头写错了。') + '\r\n'),
    ]);
    const r = await swaksEml(port, eml, { from: 'liuyang@example.cn', to: 'kefu@alpha.example.cn' });
    expect(r.out).toMatch(ACCEPTED);
    await t.settle();
    const [ticket] = (await tickets(alpha)).filter((x) => x.title === '发票抬头错误');
    expect(ticket, JSON.stringify((await inbound(alpha)).filter((m) => m.state !== 'processed'))).toBeDefined();
    expect(ticket.requesterName).toBe('刘洋');
    expect((await t.api(alpha.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json().description).toContain('请重新开具发票');
    const stored = (await inbound(alpha)).find((m) => m.ticketId === ticket.id);
    expect(stored.externalId).toBe('nul--1@example.cn');
    const raw = await t.api(alpha.adminToken, 'GET', `/api/v1/intake/messages/${stored.id}/raw`);
    expect(raw.rawPayload.includes(Buffer.from([0]))).toBe(true); // the original as it came
  });

  it('opens a ticket from a plain Chinese UTF-8 mail, for the tenant whose address it was sent to', async () => {
    const r = await swaks(port, [
      '--from', 'wangfang@example.cn', '--to', 'kefu@alpha.example.cn',
      '--header', 'Subject: 三楼会议室投影仪无法开机',
      '--header', 'From: 王芳 <wangfang@example.cn>',
      '--add-header', 'MIME-Version: 1.0',
      '--add-header', 'Content-Type: text/plain; charset=UTF-8',
      '--header', 'Message-Id: <plain-1@example.cn>',
      '--body', '投影仪按电源键没有反应，指示灯也不亮。\n今天下午两点有客户会议，请尽快处理。\n\n-- \n王芳 行政部',
    ]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(ACCEPTED);
    await t.settle();
    const mine = (await tickets(alpha)).filter((x) => x.title === '三楼会议室投影仪无法开机');
    expect(mine).toHaveLength(1);
    expect(mine[0].requesterName).toBe('王芳');
    const full = (await t.api(alpha.adminToken, 'GET', `/api/v1/tickets/${mine[0].id}`)).json();
    expect(full.description).toContain('请尽快处理');
    expect(full.description).not.toContain('行政部'); // the signature stays in the archived original
    expect((await tickets(beta)).some((x) => x.title === '三楼会议室投影仪无法开机')).toBe(false);
    const m = await byExternal(alpha, 'plain-1@example.cn');
    expect(m).toMatchObject({ state: 'processed', outcome: 'created', contentType: 'message/rfc822' });
    expect(m.meta).toMatchObject({ mailFrom: 'wangfang@example.cn', rcptTo: ['kefu@alpha.example.cn'] });
    // the channel log names the mail by sender and subject; the customer, not the mailbox, wrote the ticket
    expect(m.meta).toMatchObject({ from: '王芳 <wangfang@example.cn>', subject: '三楼会议室投影仪无法开机' });
    const created = (await t.api(alpha.adminToken, 'GET', `/api/v1/tickets/${mine[0].id}/events`)).json().items.find((e: any) => e.kind === 'ticket.created');
    expect(created.actor).toEqual({ type: 'contact', id: full.requesterId, name: '王芳' });
  });

  it('reads a Foxmail GB2312/GBK mail with an encoded subject and a Chinese attachment name; the .eml is downloadable', async () => {
    const eml = fixture('foxmail-gbk.eml');
    const r = await swaksEml(port, eml, { from: 'lina@caiwu.example.cn', to: 'kefu@alpha.example.cn' });
    expect(accepted(r), r.out).toBe(true);
    await t.settle();
    const ticket = (await tickets(alpha)).find((x) => x.title === '财务部打印机卡纸');
    expect(ticket).toBeDefined();
    expect(ticket.requesterName).toBe('李娜');
    const full = (await t.api(alpha.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(full.description).toContain('惠普 M1136');
    expect(full.description).not.toContain('发自我的iPhone');
    const files = (await t.api(alpha.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/attachments`)).json().items;
    expect(files.map((f: any) => f.filename)).toEqual(['设备清单.csv']);
    const file = await t.api(alpha.adminToken, 'GET', `/api/v1/attachments/${files[0].id}`);
    expect(new TextDecoder('gbk').decode(file.rawPayload)).toContain('财务部三楼');
    const m = await byExternal(alpha, '5F3A0001.8A2B@caiwu.example.cn');
    expect(m.meta).toMatchObject({ subject: '财务部打印机卡纸', from: expect.stringContaining('李娜') });
    const raw = await t.api(alpha.adminToken, 'GET', `/api/v1/intake/messages/${m.id}/raw`);
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toBe('message/rfc822');
    expect(raw.headers['content-disposition']).toContain('.eml');
    expect(raw.rawPayload.toString('latin1')).toContain(eml.toString('latin1').split('\r\n\r\n')[0]);
  });

  it('lands a reply (QQ Mail, GB18030 HTML) on its ticket by In-Reply-To, without the quoted history', async () => {
    const r = await swaksEml(port, fixture('qqmail-reply-gb18030.eml'), { from: 'lina@caiwu.example.cn', to: 'kefu@alpha.example.cn' });
    expect(accepted(r), r.out).toBe(true);
    await t.settle();
    const m = await byExternal(alpha, 'tencent_5F3A0002@qq.com');
    expect(m.outcome).toBe('appended');
    const ticket = (await tickets(alpha)).find((x) => x.title === '财务部打印机卡纸');
    expect(m.ticketId).toBe(ticket.id);
    const reply = (await events(alpha, ticket.id)).find((e) => e.kind === 'reply.added');
    expect(reply.data.body).toContain('打印机修好了，谢谢！');
    expect(reply.data.body).not.toContain('原始邮件');
    expect(reply.data.body).not.toContain('请问现在打印机能用了吗');
  });

  it('lands a reply on its ticket by "[#number]" in the subject, only for the same requester', async () => {
    const ticket = (await tickets(alpha)).find((x) => x.title === '三楼会议室投影仪无法开机');
    const same = await swaksEml(port, utf8Mail({ from: '王芳 <wangfang@example.cn>', to: 'kefu@alpha.example.cn', subject: `回复：[#${ticket.number}] 投影仪`, body: '换了电源线也不行。', messageId: 'num-1@example.cn' }), { from: 'wangfang@example.cn', to: 'kefu@alpha.example.cn' });
    const other = await swaksEml(port, utf8Mail({ from: '陌生人 <stranger@example.org>', to: 'kefu@alpha.example.cn', subject: `[#${ticket.number}] 我也有问题`, body: '我的电脑开不了机', messageId: 'num-2@example.org' }), { from: 'stranger@example.org', to: 'kefu@alpha.example.cn' });
    expect(accepted(same) && accepted(other)).toBe(true);
    await t.settle();
    expect(await byExternal(alpha, 'num-1@example.cn')).toMatchObject({ outcome: 'appended', ticketId: ticket.id });
    const o = await byExternal(alpha, 'num-2@example.org');
    expect(o.outcome).toBe('created');
    expect(o.ticketId).not.toBe(ticket.id);
  });

  it('recognises auto-replies, bounces and delivery reports: stored, never a ticket', async () => {
    const before = (await tickets(alpha)).length;
    const auto = await swaksEml(port, utf8Mail({ from: 'zhao@example.cn', to: 'kefu@alpha.example.cn', subject: '自动回复：打印机', body: '我正在休假，3月9日返回。', messageId: 'auto-1@example.cn', headers: { 'Auto-Submitted': 'auto-replied' } }), { from: 'zhao@example.cn', to: 'kefu@alpha.example.cn' });
    const ooo = await swaksEml(port, utf8Mail({ from: 'qian@example.cn', to: 'kefu@alpha.example.cn', subject: 'Out of Office: 打印机', body: 'I am away.', messageId: 'auto-2@example.cn' }), { from: 'qian@example.cn', to: 'kefu@alpha.example.cn' });
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.cn>', 'To: kefu@alpha.example.cn', 'Subject: =?UTF-8?B?57O757uf6YCA5L+h?=', 'Message-ID: <bounce-1@mx.example.cn>',
      'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"', '',
      '--b1', 'Content-Type: text/plain; charset=UTF-8', '', 'Delivery failed', '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.cn', '', 'Final-Recipient: rfc822; nobody@example.cn', 'Action: failed', 'Status: 5.1.1', '--b1--', '',
    ].join('\r\n');
    const bounce = await swaksEml(port, dsn, { from: '<>', to: 'kefu@alpha.example.cn' });
    expect([auto, ooo, bounce].every(accepted)).toBe(true);
    await t.settle();
    expect(await byExternal(alpha, 'auto-1@example.cn')).toMatchObject({ state: 'ignored', outcome: 'auto_reply' });
    expect(await byExternal(alpha, 'auto-2@example.cn')).toMatchObject({ state: 'ignored', outcome: 'auto_reply' });
    const b = await byExternal(alpha, 'bounce-1@mx.example.cn');
    expect(b).toMatchObject({ state: 'ignored', outcome: 'bounce' });
    expect(b.meta.mailFrom).toBe('');
    expect((await tickets(alpha)).length).toBe(before);
  });

  it('stores a second delivery of the same Message-ID as a duplicate: one ticket', async () => {
    const eml = utf8Mail({ from: 'sun@example.cn', to: 'kefu@alpha.example.cn', subject: '门禁卡失效', body: '我的门禁卡今天刷不开二号门。', messageId: 'dup-1@example.cn' });
    const first = await swaksEml(port, eml, { from: 'sun@example.cn', to: 'kefu@alpha.example.cn' });
    const second = await swaksEml(port, eml, { from: 'sun@example.cn', to: 'kefu@alpha.example.cn' });
    expect(accepted(first) && accepted(second)).toBe(true);
    expect(second.out).toContain('duplicate delivery');
    await t.settle();
    expect((await tickets(alpha)).filter((x) => x.title === '门禁卡失效')).toHaveLength(1);
    expect((await inbound(alpha)).filter((m) => m.externalId === 'dup-1@example.cn')).toHaveLength(1);
  });

  it('routes by @domain to the other tenant, stores a mail to both tenants once for each, and refuses an unknown recipient with 550', async () => {
    const r = await swaksEml(port, utf8Mail({ from: 'zhou@example.cn', to: 'baoxiu@beta.example.cn', subject: '5号楼电梯异响', body: '电梯运行时有异响。', messageId: 'beta-1@example.cn' }), { from: 'zhou@example.cn', to: 'baoxiu@beta.example.cn' });
    expect(accepted(r)).toBe(true);
    await t.settle();
    expect((await tickets(beta)).map((x) => x.title)).toContain('5号楼电梯异响');
    expect((await tickets(alpha)).map((x) => x.title)).not.toContain('5号楼电梯异响');
    // one mail to both tenants: stored once for each
    const both = await swaksEml(port, utf8Mail({ from: 'zhou@example.cn', to: 'kefu@alpha.example.cn, wy@beta.example.cn', subject: '两家共用的停车场道闸坏了', body: '道闸抬不起来。', messageId: 'both-1@example.cn' }), { from: 'zhou@example.cn', to: ['kefu@alpha.example.cn', 'wy@beta.example.cn', 'baoxiu@beta.example.cn'] });
    expect(accepted(both)).toBe(true);
    await t.settle();
    expect((await tickets(alpha)).filter((x) => x.title === '两家共用的停车场道闸坏了')).toHaveLength(1);
    expect((await tickets(beta)).filter((x) => x.title === '两家共用的停车场道闸坏了')).toHaveLength(1);
    const unknown = await swaks(port, ['--from', 'zhou@example.cn', '--to', 'nobody@gamma.example.cn', '--header', 'Subject: test', '--body', 'x']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.out).toMatch(/<\*\* +550 5\.1\.1 <nobody@gamma\.example\.cn>: no mailbox here/);
  });

  it('refuses a mail over SMTP_MAX_BYTES with 552 and stores nothing', async () => {
    const big = utf8Mail({ from: 'wu@example.cn', to: 'kefu@alpha.example.cn', subject: '超大邮件', body: '大'.repeat(MAX), messageId: 'big-1@example.cn' });
    const r = await swaksEml(port, big, { from: 'wu@example.cn', to: 'kefu@alpha.example.cn' });
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/<\*\* +552 5\.3\.4 Message too big/);
    expect(await byExternal(alpha, 'big-1@example.cn')).toBeUndefined();
  });

  it('reads malformed MIME best-effort, and quarantines what is not a mail at all with MALFORMED_MAIL', async () => {
    const broken = ['From: 郑强 <zheng@example.cn>', 'To: kefu@alpha.example.cn', 'Subject: =?UTF-8?B?6aOO5omH5LiN6L2s?=', 'Message-ID: <broken-1@example.cn>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="never-closed"', '', '--never-closed', 'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64', '', '5py65oi/55qE6aOO5omH5LiN6L2s5LqG!!!###', '--never-closed', 'Content-Type: image/png; name="a.png"', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgo***broken', ''].join('\r\n');
    const notMail = '\r\n\r\n\u0000\u0001 this has no header section at all\r\n';
    const bare = ['From: zheng@example.cn', 'To: kefu@alpha.example.cn', 'Message-ID: <bare-1@example.cn>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: image/png; name="=?UTF-8?B?5pWF6Zqc54Wn54mHLnBuZw==?="', 'Content-Transfer-Encoding: base64', '', 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', '--b--', ''].join('\r\n');
    expect(accepted(await swaksEml(port, bare, { from: 'zheng@example.cn', to: 'kefu@alpha.example.cn' }))).toBe(true);
    const a = await swaksEml(port, broken, { from: 'zheng@example.cn', to: 'kefu@alpha.example.cn' });
    const b = await swaksEml(port, notMail, { from: 'zheng@example.cn', to: 'kefu@alpha.example.cn' });
    expect(accepted(a) && accepted(b)).toBe(true);
    await t.settle();
    const m = await byExternal(alpha, 'broken-1@example.cn');
    expect(m).toMatchObject({ state: 'processed', outcome: 'created' });
    expect((await t.api(alpha.adminToken, 'GET', `/api/v1/tickets/${m.ticketId}`)).json().title).toBe('风扇不转');
    // no subject, no text: only a photo
    const bareMsg = await byExternal(alpha, 'bare-1@example.cn');
    expect(bareMsg).toMatchObject({ state: 'processed', outcome: 'created' });
    const files = (await t.api(alpha.adminToken, 'GET', `/api/v1/tickets/${bareMsg.ticketId}/attachments`)).json().items;
    expect(files.map((f: any) => f.filename)).toEqual(['故障照片.png']);
    const q = (await t.api(alpha.adminToken, 'GET', '/api/v1/intake/messages?state=quarantined')).json().items;
    expect(q).toHaveLength(1);
    expect(q[0].error.code).toBe('MALFORMED_MAIL');
    expect(q[0].externalId).toMatch(/^sha256:/);
  });
});

describe('replies by mail', () => {
  it("sends an agent's reply through the relay, threaded: In-Reply-To the newest customer mail, References all", async () => {
    const ticket = (await tickets(alpha)).find((x) => x.title === '财务部打印机卡纸');
    relay.received.length = 0;
    const res = await t.api(alpha.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>李女士您好，维修师傅<b>下午三点</b>上门。</p>' });
    expect(res.statusCode).toBe(201);
    await t.settle();
    expect(relay.received).toHaveLength(1);
    const { mail, envelope, raw } = relay.received[0];
    expect(envelope.to).toEqual(['lina@caiwu.example.cn']);
    expect(mail.from?.value[0]).toMatchObject({ address: 'kefu@alpha.example.cn', name: '客服中心' });
    expect(mail.subject).toBe(`Re: [#${ticket.number}] 财务部打印机卡纸`);
    expect(mail.inReplyTo).toBe('<tencent_5F3A0002@qq.com>');
    expect(mail.references).toEqual(expect.arrayContaining(['<5F3A0001.8A2B@caiwu.example.cn>', '<tencent_5F3A0002@qq.com>']));
    expect(mail.messageId).toMatch(/^<gongdan\.[0-9a-f-]+@alpha\.example\.cn>$/);
    expect(mail.headers.get('x-gongdan-ticket')).toBe(String(ticket.number));
    expect(mail.html).toContain('下午三点');
    expect(mail.text).toContain('下午三点');
    const log = (await t.api(alpha.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/channel-log`)).json();
    expect(log.outbound[0]).toMatchObject({ state: 'sent', channel: 'email', externalId: mail.messageId!.slice(1, -1) });

    // our own mail coming back (a forwarding rule, a misconfigured relay) is a loop, not a new ticket
    const loop = await swaksEml(port, raw, { from: 'kefu@alpha.example.cn', to: 'kefu@alpha.example.cn' });
    expect(accepted(loop)).toBe(true);
    // the customer's out-of-office answering our reply is ignored; her real answer lands on the ticket
    const ooo = utf8Mail({ from: 'lina@caiwu.example.cn', to: 'kefu@alpha.example.cn', subject: `自动回复: ${mail.subject}`, body: '我外出了', messageId: 'ooo-9@caiwu.example.cn', inReplyTo: mail.messageId!.slice(1, -1), headers: { 'X-Autoreply': 'yes' } });
    const answer = utf8Mail({ from: 'lina@caiwu.example.cn', to: 'kefu@alpha.example.cn', subject: `Re: ${mail.subject}`, body: `好的，我在。\n\nOn Mon, Mar 2, 2026 客服中心 <kefu@alpha.example.cn> wrote:\n> 下午三点上门`, messageId: 'answer-9@caiwu.example.cn', inReplyTo: mail.messageId!.slice(1, -1), references: [mail.messageId!.slice(1, -1)] });
    expect(accepted(await swaksEml(port, ooo, { from: 'lina@caiwu.example.cn', to: 'kefu@alpha.example.cn' }))).toBe(true);
    expect(accepted(await swaksEml(port, answer, { from: 'lina@caiwu.example.cn', to: 'kefu@alpha.example.cn' }))).toBe(true);
    const before = (await tickets(alpha)).length;
    relay.received.length = 0;
    await t.settle();
    expect((await byExternal(alpha, mail.messageId!.slice(1, -1)))).toMatchObject({ state: 'ignored', outcome: 'loop' });
    expect(await byExternal(alpha, 'ooo-9@caiwu.example.cn')).toMatchObject({ state: 'ignored', outcome: 'auto_reply' });
    expect(await byExternal(alpha, 'answer-9@caiwu.example.cn')).toMatchObject({ outcome: 'appended', ticketId: ticket.id });
    expect((await tickets(alpha)).length).toBe(before);
    expect(relay.received).toHaveLength(0); // nothing answers the customer's own words or the auto-reply
  });

  it('keeps the relay refusing a recipient as a failed delivery with RELAY_REJECTED', async () => {
    const refusing = await startStandInRelay({ reject: (to) => to.startsWith('gone') });
    try {
      const ch = (await t.api(beta.adminToken, 'GET', '/api/v1/channels?kind=email')).json().items[0];
      await t.api(beta.adminToken, 'PATCH', `/api/v1/channels/${ch.id}`, { settings: { relayUrl: refusing.url, from: '物业服务中心 <fuwu@beta.example.cn>' } });
      expect(accepted(await swaksEml(port, utf8Mail({ from: 'gone@example.cn', to: 'wy@beta.example.cn', subject: '水管漏水', body: '厨房水管漏水', messageId: 'gone-1@example.cn' }), { from: 'gone@example.cn', to: 'wy@beta.example.cn' }))).toBe(true);
      await t.settle();
      const m = await byExternal(beta, 'gone-1@example.cn');
      await t.api(beta.adminToken, 'POST', `/api/v1/tickets/${m.ticketId}/comments`, { body: '师傅马上到' });
      await t.settle();
      const log = (await t.api(beta.adminToken, 'GET', `/api/v1/tickets/${m.ticketId}/channel-log`)).json();
      expect(log.outbound[0].state).toBe('failed');
      expect(log.outbound[0].error).toMatchObject({ code: 'RELAY_REJECTED' });
      expect(refusing.received).toHaveLength(0);
    } finally {
      await refusing.close();
    }
  });
});

