import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feishuPost } from '../../../src/modules/intake/messaging/stand-in/callback-builders';
import { PASSWORD } from '../../support/test-app';
import { PNG, startMessagingTest, type MessagingTest } from './messaging-support';

// Feishu (飞书) end to end: event subscription v2 requests encrypted and signed as Feishu does, the
// open API (tenant_access_token, im/v1/messages, message resources) played by the stand-in.
const APP = 'cli_a5f3b2c1d0e9f8a7';
const SECRET = 'feishu-app-secret';
const ENCRYPT_KEY = 'kqhnaN0mUi0r4bKq3gpYjcXrzCqQ2e1b';
const VTOKEN = 'v-token-0123456789';

let m: MessagingTest;
let channelId: string;
let seq = 0;

const event = (openId: string, type: string, content: unknown, o: { appId?: string; token?: string; messageId?: string } = {}) => {
  const id = o.messageId ?? `om_${++seq}`;
  return {
    schema: '2.0',
    header: { event_id: `ev_${id}_${++seq}`, token: o.token ?? VTOKEN, create_time: String(m.t.clock.now().getTime()), event_type: 'im.message.receive_v1', tenant_key: 'tk_1', app_id: o.appId ?? APP },
    event: {
      sender: { sender_id: { open_id: openId, union_id: `on_${openId}`, user_id: 'u_' + openId.slice(-4) }, sender_type: 'user', tenant_key: 'tk_1' },
      message: { message_id: id, create_time: String(m.t.clock.now().getTime()), chat_id: `oc_${openId}`, chat_type: 'p2p', message_type: type, content: JSON.stringify(content) },
    },
  };
};
const send = (payload: unknown, o: { encryptKey?: string; timestamp?: number; tamper?: boolean; body?: string } = {}) => {
  const p = feishuPost({ encryptKey: o.encryptKey ?? ENCRYPT_KEY, payload, timestamp: o.timestamp ?? m.nowSeconds() });
  return m.t.app.inject({ method: 'POST', url: `/callbacks/feishu/${channelId}`, headers: p.headers, payload: o.body ?? (o.tamper ? p.body.replace(/.{4}"}$/, 'AAAA"}') : p.body) });
};

beforeAll(async () => {
  m = await startMessagingTest();
  m.standIn.addApp({ platform: 'feishu', id: APP, secret: SECRET });
  channelId = await m.channel('feishu', { appId: APP }, { appSecret: SECRET, encryptKey: ENCRYPT_KEY, verificationToken: VTOKEN });
});
afterAll(() => m.close());

describe('Feishu channel', () => {
  it('refuses with 400 INVALID_TEXT, storing nothing, a message whose text the database cannot store', async () => {
    for (const text of ['打印机\u0000卡纸', '打印机\ud800卡纸']) {
      const res = await send(event('ou_nul_user_01', 'text', { text }));
      expect(res.statusCode, text).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'INVALID_TEXT', message: expect.stringContaining('message.message.text') });
    }
    expect((await m.inbound('feishu')).filter((i: any) => i.meta.userId === 'ou_nul_user_01')).toEqual([]);
  });

  it('answers url_verification with the challenge, only with the right Verification Token', async () => {
    const ok = await send({ challenge: 'ajls384kdjx98XX', token: VTOKEN, type: 'url_verification' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ challenge: 'ajls384kdjx98XX' });
    const wrong = await send({ challenge: 'x', token: 'not-the-token', type: 'url_verification' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TOKEN_INVALID');
  });

  it('turns a text message into a ticket of the Feishu user; a follow-up joins it; a redelivery is a duplicate', async () => {
    const first = event('ou_7d8a6e6df7621556ce0d21922b676706', 'text', { text: '@_user_1 报销系统提交发票时报错 500' });
    expect((await send(first)).statusCode).toBe(200);
    expect((await send({ ...first, header: { ...first.header, event_id: 'ev_retry' } })).statusCode).toBe(200); // the same message_id again
    expect((await send(event('ou_7d8a6e6df7621556ce0d21922b676706', 'text', { text: '截图已发给 IT' }))).statusCode).toBe(200);
    await m.t.settle();
    const mine = (await m.inbound('feishu')).filter((i: any) => i.meta.userId === 'ou_7d8a6e6df7621556ce0d21922b676706');
    expect(mine).toHaveLength(2);
    const ticket = await m.ticketOf(mine[1].id);
    expect(ticket).toMatchObject({ title: '报销系统提交发票时报错 500', channel: 'feishu' });
    expect((await m.ticketOf(mine[0].id)).id).toBe(ticket.id);
    const contact = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/contacts/${ticket.requesterId}`)).json();
    expect(contact.identities).toContainEqual(expect.objectContaining({ kind: 'feishu', value: 'ou_7d8a6e6df7621556ce0d21922b676706' }));
  });

  it('rejects forged, stale, undecryptable, foreign-app and malformed events and stores none of them', async () => {
    const before = (await m.inbound('feishu')).length;
    const e = () => event('ou_mallory', 'text', { text: '伪造' });
    const cases = [
      [await send(e(), { tamper: true }), 401, 'SIGNATURE_INVALID'],
      [await send(e(), { timestamp: m.nowSeconds() - 3600 }), 401, 'TIMESTAMP_EXPIRED'],
      [await send(e(), { encryptKey: 'another-key' }), 401, 'SIGNATURE_INVALID'],
      [await send(event('ou_mallory', 'text', { text: 'x' }, { appId: 'cli_other' })), 403, 'APP_MISMATCH'],
      [await send(event('ou_mallory', 'text', { text: 'x' }, { token: 'stolen?' })), 401, 'TOKEN_INVALID'],
      [await m.t.app.inject({ method: 'POST', url: `/callbacks/feishu/${channelId}`, headers: { 'content-type': 'application/json' }, payload: '{"encrypt": "AAAA' }), 400, 'MALFORMED_JSON'],
      [await m.t.app.inject({ method: 'POST', url: `/callbacks/feishu/${channelId}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(e()) }), 400, 'ENCRYPTION_REQUIRED'],
    ] as const;
    for (const [res, status, code] of cases) expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status, code });
    // correctly signed, but the ciphertext is not from this Encrypt Key
    const { createHash } = await import('node:crypto');
    const body = JSON.stringify({ encrypt: Buffer.alloc(48, 7).toString('base64') });
    const ts = String(m.nowSeconds());
    const sig = createHash('sha256').update(`${ts}n1${ENCRYPT_KEY}${body}`).digest('hex');
    const undecryptable = await m.t.app.inject({ method: 'POST', url: `/callbacks/feishu/${channelId}`, headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': 'n1', 'x-lark-signature': sig }, payload: body });
    expect(undecryptable.json().error.code).toBe('DECRYPT_FAILED');
    expect((await m.inbound('feishu')).length).toBe(before);
  });

  it("sends an agent's reply to the user's open_id through im/v1/messages", async () => {
    await send(event('ou_reply_user_000001', 'text', { text: 'VPN 连不上' }));
    await m.t.settle();
    const [mine] = (await m.inbound('feishu')).filter((i: any) => i.meta.userId === 'ou_reply_user_000001');
    const ticket = await m.ticketOf(mine.id);
    m.standIn.sent.length = 0;
    await m.t.api(m.tenant.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>请重新安装客户端后再试</p>' });
    await m.t.settle();
    expect(m.standIn.sent).toEqual([expect.objectContaining({ platform: 'feishu', to: 'ou_reply_user_000001', text: `【工单 #${ticket.number}】请重新安装客户端后再试` })]);
    const log = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/channel-log`)).json();
    expect(log.outbound[0]).toMatchObject({ state: 'sent', externalId: 'om_feishu-msg-1' });
  });

  it('attaches an image from the message resource API', async () => {
    m.standIn.addMedia('img_v2_041b28e3-5680-48c2-9af2-497ace79333g', 'image/png', PNG, 'screenshot.png');
    await send(event('ou_image_user_00001', 'image', { image_key: 'img_v2_041b28e3-5680-48c2-9af2-497ace79333g' }));
    await m.t.settle();
    const [mine] = (await m.inbound('feishu')).filter((i: any) => i.meta.userId === 'ou_image_user_00001');
    const ticket = await m.ticketOf(mine.id);
    const files = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/attachments`)).json().items;
    expect(files).toEqual([expect.objectContaining({ filename: 'screenshot.png', contentType: 'image/png', size: PNG.length })]);
  });

  it('takes a bare score on a resolved ticket as the customer\'s rating, without reopening it', async () => {
    await send(event('ou_csat_user_00001', 'text', { text: '投影仪没有声音' }));
    await m.t.settle();
    const [first] = (await m.inbound('feishu')).filter((i: any) => i.meta.userId === 'ou_csat_user_00001');
    const ticket = await m.ticketOf(first.id);
    const categoryId = (await m.t.api(m.tenant.adminToken, 'POST', '/api/v1/categories', { nameZh: '投影仪' })).json().id;
    const assigneeId = (await m.t.api(m.tenant.adminToken, 'GET', '/api/v1/auth/me')).json().id;
    const res = await m.t.api(m.tenant.adminToken, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'resolved', resolution: '更换了音频线', categoryId, assigneeId });
    expect(res.statusCode, res.body).toBe(200);
    await send(event('ou_csat_user_00001', 'text', { text: '5分' }));
    await m.t.settle();
    const after = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(after.status).toBe('resolved');
    const events = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(events.filter((e: any) => e.kind === 'csat.received').map((e: any) => e.data.score)).toEqual([5]);
    await send(event('ou_csat_user_00001', 'text', { text: '5分钟后又没声音了' })); // more than a score: reopens
    await m.t.settle();
    expect((await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json().status).toBe('open');
  });

  it('opens a new ticket when the conversation\'s ticket was resolved more than 7 days ago', async () => {
    await send(event('ou_resolved_user_01', 'text', { text: '显示器闪屏' }));
    await m.t.settle();
    const [first] = (await m.inbound('feishu')).filter((i: any) => i.meta.userId === 'ou_resolved_user_01');
    const t1 = await m.ticketOf(first.id);
    // resolving needs a note, a category and an assignee
    const categoryId = (await m.t.api(m.tenant.adminToken, 'POST', '/api/v1/categories', { nameZh: '显示器' })).json().id;
    const assigneeId = (await m.t.api(m.tenant.adminToken, 'GET', '/api/v1/auth/me')).json().id;
    const resolve = async () => {
      m.tenant.adminToken = await m.t.login(m.tenant.adminEmail, PASSWORD); // sessions expire while the clock jumps
      const res = await m.t.api(m.tenant.adminToken, 'PATCH', `/api/v1/tickets/${t1.id}`, { status: 'resolved', resolution: '已远程处理', categoryId, assigneeId });
      expect(res.statusCode, res.body).toBe(200);
    };
    await resolve();
    m.t.clock.advance(2 * 86_400_000);
    await send(event('ou_resolved_user_01', 'text', { text: '又开始闪了' })); // within 7 days: joins (and reopens) it
    await m.t.settle();
    await resolve();
    m.t.clock.advance(8 * 86_400_000);
    await send(event('ou_resolved_user_01', 'text', { text: '键盘坏了' })); // resolved 8 days ago: a new matter
    await m.t.settle();
    m.tenant.adminToken = await m.t.login(m.tenant.adminEmail, PASSWORD);
    const mine = (await m.inbound('feishu')).filter((i: any) => i.meta.userId === 'ou_resolved_user_01');
    const tickets = await Promise.all(mine.map((i: any) => m.ticketOf(i.id)));
    expect(tickets.map((t) => t.title)).toEqual(['键盘坏了', '显示器闪屏', '显示器闪屏']);
    expect(tickets[0].id).not.toBe(t1.id);
  });
});
