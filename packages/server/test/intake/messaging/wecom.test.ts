import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wecomVerifyQuery, wxEncryptedPost, wxXml } from '../../../src/modules/intake/messaging/stand-in/callback-builders';
import { PNG, startMessagingTest, type MessagingTest } from './messaging-support';

// WeCom (企业微信) end to end: callbacks built and encrypted as WeCom builds them, the open API played
// by the stand-in at the channel's apiBaseUrl.
const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const CORP = 'ww1436e0e65a779aee';
const SECRET = 'wecom-app-secret-测试';

let m: MessagingTest;
let channelId: string;
let seq = 1000;

const post = (xml: string, o: { token?: string; aesKey?: string; corp?: string; timestamp?: number; body?: string } = {}) => {
  const p = wxEncryptedPost({ token: o.token ?? TOKEN, aesKey: o.aesKey ?? AES, receiveId: o.corp ?? CORP, xml, timestamp: o.timestamp ?? m.nowSeconds(), agentId: '1000002' });
  return m.t.app.inject({ method: 'POST', url: `/callbacks/wecom/${channelId}?${p.query}`, headers: { 'content-type': 'text/xml' }, payload: o.body ?? p.body });
};
const text = (from: string, content: string, msgId = String(++seq)) =>
  wxXml({ to: CORP, from, createTime: m.nowSeconds(), msgType: 'text', content, msgId, agentId: '1000002' });

beforeAll(async () => {
  m = await startMessagingTest();
  m.standIn.addApp({ platform: 'wecom', id: CORP, secret: SECRET, agentId: '1000002' });
  channelId = await m.channel('wecom', { corpId: CORP, agentId: '1000002' }, { token: TOKEN, encodingAesKey: AES, corpSecret: SECRET });
});
afterAll(() => m.close());

describe('WeCom channel', () => {
  it('refuses with 400 INVALID_TEXT, storing nothing, a message whose text the database cannot store', async () => {
    // (a lone surrogate cannot travel in UTF-8 XML; a NUL can)
    const res = await post(text('NulUser', '投影仪\u0000无法开机'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_TEXT');
    expect((await m.inbound('wecom')).filter((i: any) => i.meta.userId === 'NulUser')).toEqual([]);
  });

  it('verifies the callback URL by answering the decrypted echostr', async () => {
    const q = wecomVerifyQuery({ token: TOKEN, aesKey: AES, corpId: CORP, echo: '1288432023552776189', timestamp: m.nowSeconds() });
    const res = await m.t.app.inject({ method: 'GET', url: `/callbacks/wecom/${channelId}?${q}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('1288432023552776189');
    const forged = new URLSearchParams(q);
    forged.set('msg_signature', '0'.repeat(40));
    const bad = await m.t.app.inject({ method: 'GET', url: `/callbacks/wecom/${channelId}?${forged}` });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('SIGNATURE_INVALID');
  });

  it('turns a text message into a ticket of the WeCom user; a follow-up joins it; a second delivery is a duplicate', async () => {
    const first = text('ZhangSan', '三楼会议室投影仪无法开机\n已经试过换插座');
    const res = await post(first);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect((await post(first)).statusCode).toBe(200); // WeCom retries when the answer is late
    expect((await post(text('ZhangSan', '下午两点要用，比较急'))).statusCode).toBe(200);
    await m.t.settle();
    const stored = (await m.inbound('wecom')).filter((i: any) => i.meta.userId === 'ZhangSan');
    expect(stored).toHaveLength(2);
    const ticket = await m.ticketOf(stored[1].id);
    expect(ticket).toMatchObject({ title: '三楼会议室投影仪无法开机', channel: 'wecom', requesterName: 'ZhangSan' });
    const contact = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/contacts/${ticket.requesterId}`)).json();
    expect(contact.identities).toContainEqual(expect.objectContaining({ kind: 'wecom', value: 'ZhangSan' }));
    expect(stored.map((s: any) => s.outcome).sort()).toEqual(['appended', 'created']);
    expect((await m.ticketOf(stored[0].id)).id).toBe(ticket.id);
    const raw = await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/intake/messages/${stored[1].id}/raw`);
    expect(raw.body).toContain('<Content><![CDATA[三楼会议室投影仪无法开机');
  });

  it('rejects forged, stale, undecryptable, foreign and malformed callbacks and stores none of them', async () => {
    const before = (await m.inbound('wecom')).length;
    const cases = [
      { res: await post(text('Mallory', '伪造'), { token: 'wrong-token' }), status: 401, code: 'SIGNATURE_INVALID' },
      { res: await post(text('Mallory', '重放'), { timestamp: m.nowSeconds() - 3600 }), status: 401, code: 'TIMESTAMP_EXPIRED' },
      { res: await post(text('Mallory', '错误密钥'), { aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }), status: 400, code: 'DECRYPT_FAILED' },
      { res: await post(text('Mallory', '别的企业'), { corp: 'ww_other_corp_0001' }), status: 403, code: 'RECEIVER_MISMATCH' },
      { res: await post('', { body: '<xml><Encrypt>not closed' }), status: 400, code: 'MALFORMED_XML' },
      { res: await m.t.app.inject({ method: 'POST', url: `/callbacks/wecom/${channelId}`, headers: { 'content-type': 'text/xml' }, payload: '<xml><Encrypt>abc</Encrypt></xml>' }), status: 401, code: 'SIGNATURE_MISSING' },
      { res: await m.t.app.inject({ method: 'POST', url: '/callbacks/wecom/00000000-0000-7000-8000-000000000000', headers: { 'content-type': 'text/xml' }, payload: '<xml/>' }), status: 404, code: 'CHANNEL_NOT_FOUND' },
    ];
    for (const c of cases) expect({ status: c.res.statusCode, code: c.res.json().error.code }).toEqual({ status: c.status, code: c.code });
    const big = await post('', { body: `<xml><Encrypt>${'A'.repeat(300 * 1024)}</Encrypt></xml>` });
    expect(big.statusCode).toBe(413);
    expect((await m.inbound('wecom')).length).toBe(before);
  });

  it("sends an agent's reply to the user through message/send, fetching and caching the access token", async () => {
    const res = await post(text('LiSi', '打印机缺墨'));
    expect(res.statusCode).toBe(200);
    await m.t.settle();
    const [mine] = (await m.inbound('wecom')).filter((i: any) => i.meta.userId === 'LiSi');
    const ticket = await m.ticketOf(mine.id);
    m.standIn.sent.length = 0;
    const reply = await m.t.api(m.tenant.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>已安排同事<b>今天下午</b>更换墨盒</p>' });
    expect(reply.statusCode).toBe(201);
    await m.t.settle();
    expect(m.standIn.sent).toHaveLength(1);
    expect(m.standIn.sent[0]).toMatchObject({ platform: 'wecom', to: 'LiSi', text: `【工单 #${ticket.number}】已安排同事今天下午更换墨盒` });
    expect(m.standIn.sent[0].body).toMatchObject({ msgtype: 'text', agentid: 1000002 });
    // an expired token is replaced once, transparently
    m.standIn.expireTokens();
    await m.t.api(m.tenant.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '墨盒已更换' });
    await m.t.settle();
    expect(m.standIn.sent.map((s) => s.text)).toEqual([expect.any(String), `【工单 #${ticket.number}】墨盒已更换`]);
    const log = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/channel-log`)).json();
    expect(log.outbound.map((o: any) => o.state)).toEqual(['sent', 'sent']);
  });

  it('attaches an image downloaded through media/get; a voice message without recognition reads [语音]', async () => {
    m.standIn.addMedia('MEDIA_wecom_1', 'image/png', PNG, '故障照片.png');
    await post(wxXml({ to: CORP, from: 'WangWu', createTime: m.nowSeconds(), msgType: 'image', mediaId: 'MEDIA_wecom_1', picUrl: 'https://wework.qpic.cn/x', msgId: String(++seq), agentId: '1000002' }));
    await post(wxXml({ to: CORP, from: 'WangWu', createTime: m.nowSeconds(), msgType: 'voice', mediaId: 'VOICE_1', msgId: String(++seq), agentId: '1000002' }));
    await m.t.settle();
    const mine = (await m.inbound('wecom')).filter((i: any) => i.meta.userId === 'WangWu');
    expect(mine.map((i: any) => i.state)).toEqual(['processed', 'processed']);
    const ticket = await m.ticketOf(mine[1].id);
    expect(ticket.title).toBe('[图片]');
    const files = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/attachments`)).json().items;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ filename: '故障照片.png', contentType: 'image/png', size: PNG.length });
    const events = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(events.find((e: any) => e.kind === 'reply.added').data.body).toContain('[语音]');
  });

  it('retries an image whose download fails, and attaches it once the platform answers', async () => {
    m.standIn.addMedia('MEDIA_wecom_2', 'image/jpeg', PNG, 'p.jpg');
    m.standIn.failNext = 10;
    await post(wxXml({ to: CORP, from: 'ZhaoLiu', createTime: m.nowSeconds(), msgType: 'image', mediaId: 'MEDIA_wecom_2', msgId: String(++seq), agentId: '1000002' }));
    await m.t.settle();
    let [mine] = (await m.inbound('wecom')).filter((i: any) => i.meta.userId === 'ZhaoLiu');
    expect(mine).toMatchObject({ state: 'pending', error: { code: 'PROCESSING_FAILED' } });
    m.standIn.failNext = 0;
    m.t.clock.advance(60_000);
    await m.t.settle();
    [mine] = (await m.inbound('wecom')).filter((i: any) => i.meta.userId === 'ZhaoLiu');
    expect(mine.state).toBe('processed');
  });
});
