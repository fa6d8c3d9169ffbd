import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailPlugin, type EmailListener } from '../../../src/modules/intake/email/email-plugin';
import { startIntakeTestApp, type IntakeTestApp } from '../../support/intake-app';
import type { TestTenant } from '../../support/test-app';
import { startDovecot, type Dovecot } from './dovecot';
import { fixture, utf8Mail } from './mail-support';

// IMAP polling of an existing mailbox against a real Dovecot on 127.0.0.1: new mail is stored and
// becomes tickets, is then marked \Seen, and is not fetched again; a wrong password is recorded.
let t: IntakeTestApp;
let dovecot: Dovecot;
let tenant: TestTenant;
let channelId: string;
const listener = () => t.intake.listeners.email as EmailListener;

async function mailbox<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user: 'kefu', pass: 'Mail-Pass-邮箱' }, logger: false });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.logout();
  }
}
const append = (raw: string | Buffer, flags: string[] = []) => mailbox((c) => c.append('INBOX', raw, flags));
const state = () => t.db.system((q) => q.query<{ last_uid: number; last_error: string | null }>('SELECT last_uid::int AS last_uid, last_error FROM imap_state WHERE channel_id = $1', [channelId]));

beforeAll(async () => {
  dovecot = await startDovecot({ kefu: 'Mail-Pass-邮箱' });
  t = await startIntakeTestApp({ plugins: [createEmailPlugin()], env: { SMTP_PORT: '0', IMAP_POLL_MS: '3600000' } });
  tenant = await t.tenant('伽马制造');
  const ch = await t.api(tenant.adminToken, 'POST', '/api/v1/channels', {
    kind: 'email',
    name: '售后邮箱',
    address: 'shouhou@gamma.example.cn',
    settings: { imap: { host: '127.0.0.1', port: dovecot.port, secure: false, user: 'kefu', mailbox: 'INBOX' } },
    secrets: { imapPassword: 'Mail-Pass-邮箱' },
  });
  expect(ch.statusCode).toBe(201);
  channelId = ch.json().id;
}, 60_000);
afterAll(async () => {
  await t?.close();
  await dovecot?.stop();
});

describe('email by IMAP polling (real Dovecot)', () => {
  it('stores new mail (on the first poll the unread only), opens tickets and threads replies, marks it \\Seen and does not fetch it again', async () => {
    await append(utf8Mail({ from: 'old@example.cn', to: 'shouhou@gamma.example.cn', subject: '去年已读的旧邮件', body: '早就处理过了', messageId: 'imap-old@example.cn' }), ['\\Seen']);
    await append(fixture('foxmail-gbk.eml'));
    await append(utf8Mail({ from: '周杰 <zhoujie@example.cn>', to: 'shouhou@gamma.example.cn', subject: '数控机床报警 E-203', body: '二号车间的数控机床报警 E-203，主轴停转。', messageId: 'imap-1@example.cn' }));
    await append(utf8Mail({ from: 'zhoujie@example.cn', to: 'shouhou@gamma.example.cn', subject: 'Re: 数控机床报警 E-203', body: '重启后还是报警。\n\n在 2026年3月2日 周一 10:00，周杰 写道：\n> 二号车间', messageId: 'imap-2@example.cn', inReplyTo: 'imap-1@example.cn' }));
    await append(utf8Mail({ from: 'zhoujie@example.cn', to: 'shouhou@gamma.example.cn', subject: '自动回复：外出', body: '我外出了', messageId: 'imap-3@example.cn', headers: { 'Auto-Submitted': 'auto-replied' } }));
    expect(await listener().pollImap()).toBe(4);
    await t.settle();
    const items = (await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?channel=email')).json().items;
    expect(items.map((x: any) => x.title).sort()).toEqual(['数控机床报警 E-203', '财务部打印机卡纸']);
    const msgs = (await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?limit=50')).json().items;
    const byId = (id: string) => msgs.find((m: any) => m.externalId === id);
    expect(byId('imap-2@example.cn')).toMatchObject({ outcome: 'appended', ticketId: byId('imap-1@example.cn').ticketId, channelId });
    expect(byId('imap-3@example.cn')).toMatchObject({ state: 'ignored', outcome: 'auto_reply' });
    expect(byId('imap-old@example.cn')).toBeUndefined();
    expect(byId('imap-1@example.cn').meta.imap).toMatchObject({ mailbox: 'INBOX', uid: 3 });

    const flags = await mailbox(async (c) => {
      await c.mailboxOpen('INBOX');
      return (await c.fetchAll('1:*', { uid: true, flags: true })).map((m) => [...(m.flags ?? [])]);
    });
    expect(flags.every((f) => f.includes('\\Seen'))).toBe(true);
    expect((await state())[0]).toMatchObject({ last_uid: 5, last_error: null });
    expect(await listener().pollImap()).toBe(0);
  });

  it('fetches only newer mail; a second copy of a Message-ID is a duplicate, not a second ticket', async () => {
    await append(utf8Mail({ from: 'zhoujie@example.cn', to: 'shouhou@gamma.example.cn', subject: '数控机床报警 E-203', body: '二号车间的数控机床报警 E-203，主轴停转。', messageId: 'imap-1@example.cn' }));
    await append(utf8Mail({ from: '吴敏 <wumin@example.cn>', to: 'shouhou@gamma.example.cn', subject: '叉车电池鼓包', body: '3号叉车电池鼓包，已停用。', messageId: 'imap-5@example.cn' }));
    expect(await listener().pollImap()).toBe(2);
    await t.settle();
    const items = (await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?channel=email')).json().items;
    expect(items.map((x: any) => x.title).sort()).toEqual(['叉车电池鼓包', '数控机床报警 E-203', '财务部打印机卡纸']);
    expect((await state())[0].last_uid).toBe(7);
  });

  it('records a refused login on the mailbox state and keeps its position', async () => {
    await t.api(tenant.adminToken, 'PATCH', `/api/v1/channels/${channelId}`, { secrets: { imapPassword: 'wrong' } });
    expect(await listener().pollImap()).toBe(0);
    const s = (await state())[0];
    expect(s.last_uid).toBe(7);
    expect(s.last_error).toMatch(/auth|login|fail/i);
  });
});
