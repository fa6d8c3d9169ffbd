import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wechatPlainQuery, wxEncryptedPost, wxXml } from '../../../src/modules/intake/messaging/stand-in/callback-builders';
import { WECHAT_SAMPLE } from '../../../src/modules/intake/messaging/shared/wx-samples';
import { wxSignature } from '../../../src/modules/intake/messaging/shared/wx-crypto';
import { PNG, startMessagingTest, type MessagingTest } from './messaging-support';

// WeChat Official Account (微信公众号) end to end, plain mode and safe mode; the customer-service
// message API played by the stand-in.
const APP = 'wx5d94a7bcdbe6b9aa';
const SECRET = 'wechat-app-secret';
const TOKEN = 'weixin-token-1';
const AES = 'uCTbsrfD5iXNfjIVygtwis8nXNLPSKYozTZhYogd5lA';

let m: MessagingTest;
let plainId: string;
let safeId: string;
let seq = 5000;

const xml = (from: string, inner: Partial<Parameters<typeof wxXml>[0]>) =>
  wxXml({ to: 'gh_10f6c3c3ac5a', from, createTime: m.nowSeconds(), msgType: 'text', msgId: String(++seq), ...inner });
const plain = (body: string, o: { token?: string; timestamp?: number } = {}) =>
  m.t.app.inject({ method: 'POST', url: `/callbacks/wechat/${plainId}?${wechatPlainQuery({ token: o.token ?? TOKEN, timestamp: o.timestamp ?? m.nowSeconds() })}&openid=x`, headers: { 'content-type': 'text/xml' }, payload: body });
const safe = (body: string, o: { appId?: string } = {}) => {
  const p = wxEncryptedPost({ token: TOKEN, aesKey: AES, receiveId: o.appId ?? APP, xml: body, timestamp: m.nowSeconds(), plainSignature: true });
  return m.t.app.inject({ method: 'POST', url: `/callbacks/wechat/${safeId}?${p.query}`, headers: { 'content-type': 'text/xml' }, payload: p.body });
};

beforeAll(async () => {
  m = await startMessagingTest();
  m.standIn.addApp({ platform: 'wechat', id: APP, secret: SECRET });
  plainId = await m.channel('wechat', { appId: APP }, { token: TOKEN, appSecret: SECRET });
  safeId = await m.channel('wechat', { appId: APP }, { token: TOKEN, appSecret: SECRET, encodingAesKey: AES });
});
afterAll(() => m.close());

describe('WeChat Official Account channel', () => {
  it('verifies the server URL by echoing echostr after the signature check', async () => {
    const q = wechatPlainQuery({ token: TOKEN, timestamp: m.nowSeconds(), echostr: '5396744906331929433' });
    const res = await m.t.app.inject({ method: 'GET', url: `/callbacks/wechat/${plainId}?${q}` });
    expect([res.statusCode, res.body]).toEqual([200, '5396744906331929433']);
    const forged = await m.t.app.inject({ method: 'GET', url: `/callbacks/wechat/${plainId}?${wechatPlainQuery({ token: 'guess', timestamp: m.nowSeconds(), echostr: '1' })}` });
    expect(forged.statusCode).toBe(401);
  });

  it('plain mode: a text opens a ticket of the openid, a follow-up joins it, a redelivery is a duplicate; answered "success"', async () => {
    const first = xml('oUser_plain_0001', { content: '订单 20260301 的发票还没收到' });
    const res = await plain(first);
    expect([res.statusCode, res.body]).toEqual([200, 'success']);
    await plain(first);
    await plain(xml('oUser_plain_0001', { msgType: 'voice', mediaId: 'v1', recognition: '麻烦尽快处理一下' }));
    await m.t.settle();
    const mine = (await m.inbound('wechat')).filter((i: any) => i.meta.userId === 'oUser_plain_0001');
    expect(mine).toHaveLength(2);
    const ticket = await m.ticketOf(mine[1].id);
    expect(ticket).toMatchObject({ title: '订单 20260301 的发票还没收到', channel: 'wechat' });
    expect((await m.ticketOf(mine[0].id)).id).toBe(ticket.id);
    const events = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(events.find((e: any) => e.kind === 'reply.added').data.body).toContain('麻烦尽快处理一下');
    const contact = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/contacts/${ticket.requesterId}`)).json();
    expect(contact.identities).toContainEqual(expect.objectContaining({ kind: 'wechat', value: 'oUser_plain_0001' }));
  });

  it('safe mode: decrypts for the AppID; a plain or foreign message is refused', async () => {
    expect((await safe(xml('oUser_safe_0001', { content: '安全模式下的报修' }))).statusCode).toBe(200);
    const before = (await m.inbound('wechat')).length;
    const notEncrypted = await m.t.app.inject({ method: 'POST', url: `/callbacks/wechat/${safeId}?${wechatPlainQuery({ token: TOKEN, timestamp: m.nowSeconds() })}`, headers: { 'content-type': 'text/xml' }, payload: xml('oMallory', { content: '明文' }) });
    expect([notEncrypted.statusCode, notEncrypted.json().error.code]).toEqual([400, 'ENCRYPTION_REQUIRED']);
    const foreign = await safe(xml('oMallory', { content: '别的公众号' }), { appId: 'wx_other_app_0001' });
    expect([foreign.statusCode, foreign.json().error.code]).toEqual([403, 'RECEIVER_MISMATCH']);
    const stale = await plain(xml('oMallory', { content: '重放' }), { timestamp: m.nowSeconds() - 86_400 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([401, 'TIMESTAMP_EXPIRED']);
    const forged = await plain(xml('oMallory', { content: '伪造' }), { token: 'guess' });
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'SIGNATURE_INVALID']);
    const malformed = await plain('<xml><MsgType>text</MsgType>');
    expect([malformed.statusCode, malformed.json().error.code]).toEqual([400, 'MALFORMED_XML']);
    expect((await m.inbound('wechat')).length).toBe(before);
    await m.t.settle();
    const [mine] = (await m.inbound('wechat')).filter((i: any) => i.meta.userId === 'oUser_safe_0001');
    expect((await m.ticketOf(mine.id)).title).toBe('安全模式下的报修');
  });

  it("accepts the SDK's own safe-mode sample request unchanged (a known answer, not our encryption)", async () => {
    const ch = await m.channel('wechat', { appId: WECHAT_SAMPLE.appId, replayWindowSeconds: 2_000_000_000 }, { token: WECHAT_SAMPLE.token, appSecret: 's', encodingAesKey: WECHAT_SAMPLE.encodingAesKey });
    const q = new URLSearchParams({ signature: wxSignature(WECHAT_SAMPLE.token, WECHAT_SAMPLE.timestamp, WECHAT_SAMPLE.nonce), timestamp: WECHAT_SAMPLE.timestamp, nonce: WECHAT_SAMPLE.nonce, encrypt_type: 'aes', msg_signature: WECHAT_SAMPLE.msgSignature });
    const body = `<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[${WECHAT_SAMPLE.encrypt}]]></Encrypt></xml>`;
    const res = await m.t.app.inject({ method: 'POST', url: `/callbacks/wechat/${ch}?${q}`, headers: { 'content-type': 'text/xml' }, payload: body });
    expect([res.statusCode, res.body]).toEqual([200, 'success']);
    await m.t.settle();
    const [stored] = (await m.inbound('wechat')).filter((i: any) => i.meta.userId === WECHAT_SAMPLE.openId);
    expect(stored).toMatchObject({ externalId: '6054768590064713728', state: 'processed' });
    expect((await m.ticketOf(stored.id)).title).toBe('abcdteT');
  });

  it("sends an agent's reply as a customer-service message; an image is attached from media/get", async () => {
    m.standIn.addMedia('MEDIA_wx_1', 'image/jpeg', PNG, 'meter.jpg');
    await plain(xml('oUser_reply_0001', { msgType: 'image', mediaId: 'MEDIA_wx_1', picUrl: 'http://mmbiz.qpic.cn/x' }));
    await m.t.settle();
    const [mine] = (await m.inbound('wechat')).filter((i: any) => i.meta.userId === 'oUser_reply_0001');
    const ticket = await m.ticketOf(mine.id);
    const files = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/attachments`)).json().items;
    expect(files).toEqual([expect.objectContaining({ filename: 'meter.jpg', contentType: 'image/jpeg' })]);
    m.standIn.sent.length = 0;
    await m.t.api(m.tenant.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>收到照片，师傅明天上门</p>' });
    await m.t.settle();
    expect(m.standIn.sent).toEqual([expect.objectContaining({ platform: 'wechat', to: 'oUser_reply_0001', text: `【工单 #${ticket.number}】收到照片，师傅明天上门` })]);
  });
});
