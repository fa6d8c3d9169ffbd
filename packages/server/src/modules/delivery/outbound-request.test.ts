import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readAnswer, robotRequest, smsRequest, webhookRequest } from './outbound-request';
import { robotText } from './robot-messages';
import { parseWebhookSignature } from './signing';
import { maskRobotUrl, subscribes } from './target-rules';

const now = new Date('2026-03-02T01:00:00.000Z');

describe('outgoing requests', () => {
  it('a webhook: signed body, event and delivery id', () => {
    const req = webhookRequest({ url: 'https://crm.example.cn/hook', secret: 'whsec_测试密钥0123456789' }, 'd-1', { id: 'e-1', event: 'ticket.created', data: { title: '空调' } }, now);
    expect(req.headers['x-gongdan-event']).toBe('ticket.created');
    expect(req.headers['x-gongdan-delivery']).toBe('d-1');
    const sig = parseWebhookSignature(req.headers['x-gongdan-signature'])!;
    expect(sig.t).toBe(1772413200);
    expect(sig.v1[0]).toBe(createHmac('sha256', 'whsec_测试密钥0123456789').update(`1772413200.${req.body}`).digest('hex'));
  });
  it('DingTalk 加签 in the query (ms timestamp); Feishu sign in the body (s timestamp); WeCom unsigned', () => {
    const dt = robotRequest('dingtalk_robot', { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', secret: 'SECxyz' }, 'd', robotText('dingtalk_robot', '标题', '内容') as Record<string, unknown>, now);
    const u = new URL(dt.url);
    expect(u.searchParams.get('access_token')).toBe('abc');
    expect(u.searchParams.get('timestamp')).toBe('1772413200000');
    expect(u.searchParams.get('sign')).toBe(createHmac('sha256', 'SECxyz').update('1772413200000\nSECxyz').digest('base64'));
    const fs = JSON.parse(robotRequest('feishu_robot', { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/t', secret: 's' }, 'd', robotText('feishu_robot', '标题', '第一行\n第二行') as Record<string, unknown>, now).body);
    expect(fs).toMatchObject({ timestamp: '1772413200', sign: createHmac('sha256', '1772413200\ns').update('').digest('base64'), msg_type: 'post' });
    expect(fs.content.post.zh_cn.content).toEqual([[{ tag: 'text', text: '第一行' }], [{ tag: 'text', text: '第二行' }]]);
    const wc = robotRequest('wecom_robot', { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' }, 'd', robotText('wecom_robot', '标题', '内容') as Record<string, unknown>, now);
    expect(JSON.parse(wc.body)).toEqual({ msgtype: 'markdown', markdown: { content: '**标题**\n内容' } });
  });
  it('WeCom markdown is cut to 4096 bytes without splitting a character', () => {
    const body = robotText('wecom_robot', '长消息', '汉'.repeat(3000)) as { markdown: { content: string } };
    expect(Buffer.byteLength(body.markdown.content)).toBeLessThanOrEqual(4096);
    expect(body.markdown.content.endsWith('…')).toBe(true);
  });
  it('the SMS gateway: bearer token, {to, text, sign}', () => {
    const req = smsRequest({ url: 'https://sms.example.cn/send', token: 't0k', sign: '华东客服' }, 'd', { to: '13800138000', text: '工单已分配给你' });
    expect(req.headers.authorization).toBe('Bearer t0k');
    expect(JSON.parse(req.body)).toEqual({ to: '13800138000', text: '工单已分配给你', sign: '华东客服' });
  });
});

describe('answers', () => {
  it('robots succeed on their JSON code, not on HTTP 200', () => {
    expect(readAnswer('wecom_robot', 200, '{"errcode":0,"errmsg":"ok"}').ok).toBe(true);
    expect(readAnswer('dingtalk_robot', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toEqual({ ok: false, status: 200, error: 'errcode 310000: sign not match' });
    expect(readAnswer('feishu_robot', 200, '{"code":0,"msg":"success","data":{}}').ok).toBe(true);
    expect(readAnswer('feishu_robot', 200, '{"StatusCode":0,"StatusMessage":"success"}').ok).toBe(true);
    expect(readAnswer('feishu_robot', 200, '{"code":19021,"msg":"sign match fail"}').error).toBe('code 19021: sign match fail');
    expect(readAnswer('wecom_robot', 200, '<html>').ok).toBe(false);
    expect(readAnswer('wecom_robot', 502, '').error).toBe('HTTP 502');
  });
  it('webhooks: any 2xx; the SMS gateway: 2xx without a non-zero code', () => {
    expect(readAnswer('webhook', 204, '').ok).toBe(true);
    expect(readAnswer('webhook', 500, 'down').ok).toBe(false);
    expect(readAnswer('sms', 200, '').ok).toBe(true);
    expect(readAnswer('sms', 200, '{"code":1001,"message":"号码无效"}')).toMatchObject({ ok: false, error: 'gateway code 1001: 号码无效' });
    expect(readAnswer('sms', 200, '{"ok":false}').ok).toBe(false);
  });
});

describe('settings', () => {
  it('robot URLs are shown with their token masked', () => {
    expect(maskRobotUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4')).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=••••4bc4');
    expect(maskRobotUrl('https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef')).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/••••cdef');
  });
  it('event subscriptions: exact kinds, prefixes, all', () => {
    expect(subscribes(['ticket.created'], 'ticket.created')).toBe(true);
    expect(subscribes(['sla.*'], 'sla.breached')).toBe(true);
    expect(subscribes(['sla.*'], 'ticket.created')).toBe(false);
    expect(subscribes(['*'], 'reply.added')).toBe(true);
    expect(subscribes([], 'ticket.created')).toBe(false);
  });
});
