import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wxEncryptedPost, wxXml } from '../../src/modules/intake/messaging/stand-in/callback-builders';
import { connectSatisfaction } from '../../src/modules/satisfaction';
import { startMessagingTest, type MessagingTest } from '../intake/messaging/messaging-support';

// The survey of a ticket that came by WeCom (企业微信): its link goes back to the user as a WeCom message
// (once, on that channel only: no mail when the user has no address); a bare "5分" there answers it.
const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo';
const AES = '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt';
const CORP = 'ww1436e0e65a779aee';
const SECRET = 'wecom-app-secret-测试';

let m: MessagingTest;
let channelId: string;
let seq = 5000;

const post = (from: string, content: string) => {
  const xml = wxXml({ to: CORP, from, createTime: m.nowSeconds(), msgType: 'text', content, msgId: String(++seq), agentId: '1000002' });
  const p = wxEncryptedPost({ token: TOKEN, aesKey: AES, receiveId: CORP, xml, timestamp: m.nowSeconds(), agentId: '1000002' });
  return m.t.app.inject({ method: 'POST', url: `/callbacks/wecom/${channelId}?${p.query}`, headers: { 'content-type': 'text/xml' }, payload: p.body });
};

beforeAll(async () => {
  m = await startMessagingTest();
  connectSatisfaction(m.t.deps, m.t.outbox, { publicUrl: 'https://kefu.example.cn' });
  m.standIn.addApp({ platform: 'wecom', id: CORP, secret: SECRET, agentId: '1000002' });
  channelId = await m.channel('wecom', { corpId: CORP, agentId: '1000002' }, { token: TOKEN, encodingAesKey: AES, corpSecret: SECRET });
});
afterAll(() => m.close());

describe('the satisfaction survey on WeCom', () => {
  it('sends the rating link as a WeCom message once, and takes a bare score there as the answer', async () => {
    expect((await post('WangWu', '会议室网络断了')).statusCode).toBe(200);
    await m.t.settle();
    const [inbound] = (await m.inbound('wecom')).filter((i: any) => i.meta.userId === 'WangWu');
    const ticket = await m.ticketOf(inbound.id);
    const category = (await m.t.api(m.tenant.adminToken, 'POST', '/api/v1/categories', { nameZh: '网络', nameEn: 'Network' })).json().id;
    const me = (await m.t.api(m.tenant.adminToken, 'GET', '/api/v1/auth/me')).json();
    m.standIn.sent.length = 0;
    const res = await m.t.api(m.tenant.adminToken, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'resolved', resolution: '重启了交换机', categoryId: category, assigneeId: me.id ?? me.user?.id });
    expect(res.statusCode, res.body).toBe(200);
    await m.t.settle();
    await m.t.settle();
    const surveys = m.standIn.sent.filter((s) => s.text.includes('/csat/'));
    expect(surveys).toHaveLength(1);
    expect(surveys[0]).toMatchObject({ platform: 'wecom', to: 'WangWu' });
    expect(surveys[0].text).toMatch(/https:\/\/kefu\.example\.cn\/csat\/[0-9a-f]{32}[A-Za-z0-9_-]{43}/);
    expect(surveys[0].text).toContain('1–5 分');
    const token = /\/csat\/([A-Za-z0-9_-]+)/.exec(surveys[0].text)![1];
    const [row] = await m.t.db.tenant(m.tenant.id, (q) => q.query<{ sent_via: string[] }>('SELECT sent_via FROM csat_surveys WHERE ticket_id = $1', [ticket.id]));
    expect(row.sent_via).toEqual(['wecom']);

    expect((await post('WangWu', '5分')).statusCode).toBe(200);
    await m.t.settle();
    await m.t.settle();
    const shown = (await m.t.api(null, 'GET', `/api/v1/public/csat/${token}`)).json();
    expect(shown).toMatchObject({ answered: true, answer: { score: 5, via: 'wecom' } });
    expect((await m.t.api(m.tenant.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json().status).toBe('resolved');
  });
});
