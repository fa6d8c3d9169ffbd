import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRETS, setup } from './helpers';

// Group robots and the SMS gateway, configured through the API and tested against the local stand-in,
// which checks each platform's signature as documented and answers with its JSON codes.
describe('notification channels: WeCom / DingTalk / Feishu robots and the SMS gateway', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
  }, 180_000);
  afterAll(() => s?.close());

  const add = (body: unknown) => s.t.api(s.acme.adminToken, 'POST', '/api/v1/notification-channels', body);
  const test = (id: string, body?: unknown) => s.t.api(s.acme.adminToken, 'POST', `/api/v1/notification-channels/${id}/test`, body);

  it('WeCom 群机器人: markdown through the key URL; the key is masked when read back', async () => {
    const res = await add({ kind: 'wecom_robot', name: '企业微信值班群', config: { url: `${s.stand.url}/cgi-bin/webhook/send?key=${SECRETS.wecomKey}` } });
    expect(res.statusCode).toBe(201);
    expect(res.json().config.url).not.toContain(SECRETS.wecomKey);
    expect(res.json().config.url).toContain('key=••••5aaa');
    const r = await test(res.json().id);
    expect(r.json()).toMatchObject({ ok: true, status: 200, error: null });
    const sent = s.stand.received.at(-1)!;
    expect(sent.json.msgtype).toBe('markdown');
    expect(sent.json.markdown.content).toContain('工单系统测试消息');
    expect(sent.headers['x-gongdan-delivery']).toBe(r.json().deliveryId);
  });

  it('a wrong WeCom key: the platform’s errcode and message, not HTTP 200, decide', async () => {
    const res = await add({ kind: 'wecom_robot', name: '错误的企业微信群', config: { url: `${s.stand.url}/cgi-bin/webhook/send?key=wrong-key` } });
    const r = await test(res.json().id);
    expect(r.json()).toMatchObject({ ok: false, status: 200, error: 'errcode 93000: invalid webhook url' });
  });

  it('DingTalk 自定义机器人 加签: timestamp and sign in the query; a wrong secret is errcode 310000', async () => {
    const url = `${s.stand.url}/robot/send?access_token=${encodeURIComponent(SECRETS.dingtalk.token)}`;
    const good = await add({ kind: 'dingtalk_robot', name: '钉钉运维群', config: { url, secret: SECRETS.dingtalk.secret } });
    expect(good.json().config.secret).toBe('••••cdef');
    expect(JSON.stringify(good.json())).not.toContain(SECRETS.dingtalk.secret);
    expect((await test(good.json().id)).json()).toMatchObject({ ok: true, error: null });
    const sent = s.stand.received.at(-1)!;
    expect(sent.path).toMatch(/[?&]timestamp=\d{13}&sign=/);
    expect(sent.json).toMatchObject({ msgtype: 'markdown', markdown: { title: '工单系统测试消息' } });

    const bad = await add({ kind: 'dingtalk_robot', name: '钉钉错误密钥', config: { url, secret: 'SECwrong' } });
    expect((await test(bad.json().id)).json()).toMatchObject({ ok: false, error: 'errcode 310000: sign not match' });
  });

  it('Feishu 自定义机器人 签名校验: timestamp and sign in the body; a wrong secret is code 19021', async () => {
    const url = `${s.stand.url}/open-apis/bot/v2/hook/${SECRETS.feishu.token}`;
    const good = await add({ kind: 'feishu_robot', name: '飞书服务群', config: { url, secret: SECRETS.feishu.secret } });
    expect(good.json().config.url).not.toContain(SECRETS.feishu.token);
    expect((await test(good.json().id)).json()).toMatchObject({ ok: true, error: null });
    const sent = s.stand.received.at(-1)!;
    expect(sent.json).toMatchObject({ msg_type: 'post', timestamp: expect.stringMatching(/^\d{10}$/) });
    expect(sent.json.content.post.zh_cn.title).toBe('工单系统测试消息');

    const bad = await add({ kind: 'feishu_robot', name: '飞书错误密钥', config: { url, secret: 'not-the-secret' } });
    const r = (await test(bad.json().id)).json();
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^code 19021: sign match fail/);
  });

  it('SMS gateway: bearer token, {to, text, sign}; a wrong token fails with the gateway’s answer', async () => {
    const good = await add({ kind: 'sms_gateway', name: '短信网关', config: { url: `${s.stand.url}/sms`, token: SECRETS.sms.token, sign: '华东客服' } });
    expect(good.json().config.token).toBe('••••-xyz');
    const missing = await test(good.json().id, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('to');
    expect((await test(good.json().id, { to: '13800138000' })).json()).toMatchObject({ ok: true });
    expect(s.stand.received.at(-1)!.json).toMatchObject({ to: '13800138000', sign: '华东客服', text: expect.stringContaining('测试') });

    const bad = await add({ kind: 'sms_gateway', name: '短信网关（旧令牌）', config: { url: `${s.stand.url}/sms`, token: 'old' } });
    const r = (await test(bad.json().id, { to: '13800138000' })).json();
    expect(r).toMatchObject({ ok: false, status: 401 });
  });

  it('addresses are checked: http(s) only, WeCom needs its key; names are unique; updates keep secrets left out', async () => {
    const ftp = await add({ kind: 'dingtalk_robot', name: '坏地址', config: { url: 'ftp://example.com/robot' } });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'config.url' });
    expect(ftp.json().error.details[0].code).toBe('invalid_format');
    const notUrl = await add({ kind: 'dingtalk_robot', name: '坏地址', config: { url: '不是网址' } });
    expect(notUrl.json().error.details[0].code).toBe('invalid_format');
    const noKey = await add({ kind: 'wecom_robot', name: '没有key', config: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' } });
    expect(noKey.statusCode).toBe(400);
    const dup = await add({ kind: 'wecom_robot', name: '企业微信值班群', config: { url: `${s.stand.url}/cgi-bin/webhook/send?key=x` } });
    expect(dup.statusCode).toBe(409);

    const list = (await s.t.api(s.acme.adminToken, 'GET', '/api/v1/notification-channels')).json().items;
    const dt = list.find((c: { name: string }) => c.name === '钉钉运维群');
    const renamed = await s.t.api(s.acme.adminToken, 'PUT', `/api/v1/notification-channels/${dt.id}`, { name: '钉钉运维群（新）', config: {} });
    expect(renamed.statusCode).toBe(200);
    expect((await test(dt.id)).json().ok).toBe(true); // the secret stayed
    expect((await s.t.api(s.acme.adminToken, 'DELETE', `/api/v1/notification-channels/${dt.id}`)).statusCode).toBe(204);
  });
});
