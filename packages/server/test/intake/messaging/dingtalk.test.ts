import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dingtalkHeaders } from '../../../src/modules/intake/messaging/stand-in/callback-builders';
import { PNG, startMessagingTest, type MessagingTest } from './messaging-support';

// DingTalk (钉钉) end to end: robot callbacks signed as DingTalk signs them, the robot API
// (oauth2/accessToken, oToMessages/batchSend, messageFiles/download) played by the stand-in.
const APP_KEY = 'dingd8e1123006514592';
const SECRET = 'CY8N6VHE4mnv6m2F5vfzqPZcbVVhDnfKkJNkCaz9MNKhW0tSxoITyQ3fMjPn2t3J';
const CORP = 'dinge8a565a2bdb8d8d9';

let m: MessagingTest;
let channelId: string;
let seq = 0;

const message = (staffId: string, extra: Record<string, unknown>, o: { robotCode?: string } = {}) => ({
  conversationId: `cid_${staffId}`,
  chatbotCorpId: CORP,
  chatbotUserId: '$:LWCP_v1:$Cxxxxx',
  msgId: `msgNqc${++seq}Pq/w==`,
  senderNick: '杨工',
  isAdmin: false,
  senderStaffId: staffId,
  sessionWebhookExpiredTime: m.t.clock.now().getTime() + 5_400_000,
  createAt: m.t.clock.now().getTime(),
  senderCorpId: CORP,
  conversationType: '1',
  senderId: `$:LWCP_v1:$${staffId}`,
  sessionWebhook: 'https://oapi.dingtalk.com/robot/sendBySession?session=xxxxx',
  robotCode: o.robotCode ?? APP_KEY,
  ...extra,
});
const send = (body: unknown, o: { secret?: string; timestamp?: number; raw?: string } = {}) =>
  m.t.app.inject({ method: 'POST', url: `/callbacks/dingtalk/${channelId}`, headers: dingtalkHeaders(o.secret ?? SECRET, o.timestamp ?? m.t.clock.now().getTime()), payload: o.raw ?? JSON.stringify(body) });

beforeAll(async () => {
  m = await startMessagingTest();
  m.standIn.addApp({ platform: 'dingtalk', id: APP_KEY, secret: SECRET, agentId: APP_KEY });
  channelId = await m.channel('dingtalk', { appKey: APP_KEY, corpId: CORP }, { appSecret: SECRET });
});
afterAll(() => m.close());

describe('DingTalk channel', () => {
  it('turns a text into a ticket of the staff member; a follow-up joins it; a redelivery is a duplicate', async () => {
    const first = message('manager4220', { msgtype: 'text', text: { content: ' 财务部打印机脱机了' } });
    const res = await send(first);
    expect(res.statusCode).toBe(200);
    expect((await send(first)).statusCode).toBe(200);
    await send(message('manager4220', { msgtype: 'audio', content: { duration: 3000, downloadCode: 'x', recognition: '重启过也没用' } }));
    await m.t.settle();
    const mine = (await m.inbound('dingtalk')).filter((i: any) => i.meta.userId === 'manager4220');
    expect(mine).toHaveLength(2);
    const ticket = await m.ticketOf(mine[1].id);
    expect(ticket).toMatchObject({ title: '财务部打印机脱机了', channel: 'dingtalk', requesterName: '杨工' });
    expect((await m.ticketOf(mine[0].id)).id).toBe(ticket.id);
    const contact = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/contacts/${ticket.requesterId}`)).json();
    expect(contact.identities).toContainEqual(expect.objectContaining({ kind: 'dingtalk', value: 'manager4220' }));
  });

  it('rejects a forged sign, an old timestamp, another robot and malformed JSON, and stores none of them', async () => {
    const before = (await m.inbound('dingtalk')).length;
    const body = () => message('mallory', { msgtype: 'text', text: { content: '伪造' } });
    const cases = [
      [await send(body(), { secret: 'guessed-secret' }), 401, 'SIGNATURE_INVALID'],
      [await send(body(), { timestamp: m.t.clock.now().getTime() - 2 * 3_600_000 }), 401, 'TIMESTAMP_EXPIRED'],
      [await send(message('mallory', { msgtype: 'text', text: { content: 'x' } }, { robotCode: 'dingother' })), 403, 'APP_MISMATCH'],
      [await send(null, { raw: '{"msgId": "m1", "msgtype": ' }), 400, 'MALFORMED_JSON'],
      [await send({ hello: 'world' }), 400, 'MALFORMED_JSON'],
      [await m.t.app.inject({ method: 'POST', url: `/callbacks/dingtalk/${channelId}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body()) }), 401, 'SIGNATURE_MISSING'],
    ] as const;
    for (const [res, status, code] of cases) expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status, code });
    expect((await m.inbound('dingtalk')).length).toBe(before);
  });

  it("sends an agent's reply to the staff id through oToMessages/batchSend", async () => {
    await send(message('staff_0192', { msgtype: 'text', text: { content: '会议室电视无信号' } }));
    await m.t.settle();
    const [mine] = (await m.inbound('dingtalk')).filter((i: any) => i.meta.userId === 'staff_0192');
    const ticket = await m.ticketOf(mine.id);
    m.standIn.sent.length = 0;
    await m.t.api(m.tenant.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>请检查 HDMI 线，换到 <b>HDMI 2</b> 口</p>' });
    await m.t.settle();
    expect(m.standIn.sent).toEqual([expect.objectContaining({ platform: 'dingtalk', to: 'staff_0192', text: `【工单 #${ticket.number}】请检查 HDMI 线，换到 HDMI 2 口` })]);
    expect(m.standIn.sent[0].body).toMatchObject({ robotCode: APP_KEY, msgKey: 'sampleText', userIds: ['staff_0192'] });
  });

  it('attaches a picture downloaded by its downloadCode', async () => {
    m.standIn.addMedia('mIofN681YE3f/+m+NntqpT1KKp9lrmsoqb8+RHx0gm8=', 'image/png', PNG, '现场.png');
    await send(message('staff_pic_01', { msgtype: 'picture', content: { downloadCode: 'mIofN681YE3f/+m+NntqpT1KKp9lrmsoqb8+RHx0gm8=' } }));
    await m.t.settle();
    const [mine] = (await m.inbound('dingtalk')).filter((i: any) => i.meta.userId === 'staff_pic_01');
    const ticket = await m.ticketOf(mine.id);
    const files = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/attachments`)).json().items;
    expect(files).toEqual([expect.objectContaining({ filename: '现场.png', contentType: 'image/png', size: PNG.length })]);
  });

  it('records a reply that DingTalk refuses for bad credentials as failed, not retried forever', async () => {
    const bad = await m.channel('dingtalk', { appKey: 'dingwrongkey0000' }, { appSecret: 'wrong' });
    await m.t.app.inject({ method: 'POST', url: `/callbacks/dingtalk/${bad}`, headers: dingtalkHeaders('wrong', m.t.clock.now().getTime()), payload: JSON.stringify(message('staff_bad_01', { msgtype: 'text', text: { content: '无法报销' } }, { robotCode: 'dingwrongkey0000' })) });
    await m.t.settle();
    const [mine] = (await m.inbound('dingtalk')).filter((i: any) => i.meta.userId === 'staff_bad_01');
    const ticket = await m.ticketOf(mine.id);
    await m.t.api(m.tenant.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '已处理' });
    await m.t.settle();
    const log = (await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/channel-log`)).json();
    expect(log.outbound).toEqual([expect.objectContaining({ state: 'failed', error: expect.objectContaining({ code: 'CREDENTIALS_INVALID' }) })]);
  });
});
