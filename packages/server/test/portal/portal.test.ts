import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webFormPlugin } from '../../src/modules/intake/web/web-plugin';
import { portalTimings } from '../../src/modules/portal';
import { connectSatisfaction } from '../../src/modules/satisfaction';
import { startIntakeTestApp, whileSettling, type IntakeTestApp } from '../support/intake-app';
import type { TestTenant } from '../support/test-app';
import { PDF, upload } from '../collaboration/helpers';

// The self-service portal end to end on a real database: settings, a request with a custom field and a
// file through the web form channel, tracking by number + query code (never an internal note; a wrong
// code looks like an unknown number; rate-limited), reply, confirm, and sign-in by an SMS code.
let t: IntakeTestApp;
let tenant: TestTenant;
let categoryId: string;

/** Sends a request while driving the intake worker, as a running server would. */
async function send(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  return whileSettling(t, t.api(null, method, url, body, headers));
}

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a80000000049454e44ae426082', 'hex').toString('base64');

beforeAll(async () => {
  t = await startIntakeTestApp({ plugins: [webFormPlugin], clock: true });
  connectSatisfaction(t.deps, t.outbox, { publicUrl: 'https://kefu.example.cn' });
  tenant = await t.tenant('华东物业服务');
  portalTimings.waitMs = 5000;
  const admin = tenant.adminToken;
  const ch = (await t.api(admin, 'POST', '/api/v1/channels', { kind: 'web', name: '自助门户', settings: { trackLimit: 12, perIpLimit: 50 } })).json();
  expect((await t.api(admin, 'POST', `/api/v1/channels/${ch.id}/public-key`)).statusCode).toBe(200);
  const repair = (await t.api(admin, 'POST', '/api/v1/ticket-types', { key: 'repair', nameZh: '维修', nameEn: 'Repair' })).json();
  const field = await t.api(admin, 'POST', '/api/v1/custom-fields', {
    ticketTypeId: repair.id,
    key: 'room',
    kind: 'text',
    labelZh: '房间号',
    labelEn: 'Room',
    required: true,
  });
  expect(field.statusCode).toBe(201);
  categoryId = (await t.api(admin, 'POST', '/api/v1/categories', { nameZh: '设备报修', nameEn: 'Repairs' })).json().id;
  const saved = await t.api(admin, 'PUT', '/api/v1/portal-settings', {
    enabled: true,
    title: '华东物业自助服务',
    logoUrl: 'https://example.cn/logo.png',
    primaryColor: '#0a7d5a',
    defaultLocale: 'zh-CN',
    channelId: ch.id,
    categories: [{ categoryId, typeId: repair.id }],
  });
  expect(saved.statusCode, saved.body).toBe(200);
  await t.api(admin, 'POST', '/api/v1/notification-channels', { kind: 'sms_gateway', name: '短信网关', config: { url: 'http://127.0.0.1:9/sms', token: 'sms-token' } });
});
afterAll(() => t.close());

async function newRequest(extra: Record<string, unknown> = {}) {
  const config = (await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}`)).json();
  t.clock.advance(5000);
  return send('POST', `/api/v1/portal/${tenant.slug}/requests`, {
    token: config.token,
    name: '陈静',
    phone: '138 0013 8000',
    email: 'chenjing@example.cn',
    title: '空调不制冷',
    description: '会议室 301 的空调开了一小时还是不冷',
    categoryId,
    customFields: { room: '301' },
    attachments: [{ filename: '空调面板.png', contentType: 'image/png', data: PNG }],
    ...extra,
  });
}

describe('portal', () => {
  it('shows the tenant portal with its look and the category form; an unknown slug is 404', async () => {
    const res = await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '华东物业服务', title: '华东物业自助服务', primaryColor: '#0a7d5a', defaultLocale: 'zh-CN', canSubmit: true });
    expect(res.json().categories).toEqual([expect.objectContaining({ id: categoryId, nameZh: '设备报修', fields: [expect.objectContaining({ key: 'room', labelZh: '房间号', required: true })] })]);
    expect((await t.api(null, 'GET', '/api/v1/portal/no-such-tenant')).statusCode).toBe(404);
  });

  it('refuses a request without the required custom field before storing it', async () => {
    const res = await newRequest({ customFields: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customFields.room' });
  });

  it('submits with a custom field and a file, tracks it without internal notes, replies and confirms the fix', async () => {
    const res = await newRequest();
    expect(res.statusCode, res.body).toBe(201);
    const { number, queryCode, sentTo } = res.json();
    expect(number).toBeGreaterThan(0);
    expect(queryCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(sentTo.sort()).toEqual(['email', 'sms']);
    const sent = await t.db.system((q) => q.query<{ target_kind: string; request: any }>("SELECT target_kind, request FROM deliveries WHERE dedupe_key LIKE 'portal:receipt:%' ORDER BY target_kind"));
    expect(sent.map((d) => d.target_kind)).toEqual(['email', 'sms']);
    expect(sent[0].request.text).toContain(queryCode);

    const admin = tenant.adminToken;
    const ticket = (await t.api(admin, 'GET', `/api/v1/tickets?limit=5`)).json().items.find((x: any) => x.number === number);
    const full = (await t.api(admin, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(full).toMatchObject({ title: '空调不制冷', categoryId, customFields: { room: '301' }, channel: 'web' });
    const files = (await t.api(admin, 'GET', `/api/v1/tickets/${ticket.id}/attachments`)).json().items;
    expect(files.map((f: any) => f.filename)).toEqual(['空调面板.png']);

    const sentFile = (await upload(t, admin, ticket.id, [{ name: 'file', filename: '维修单.pdf', contentType: 'application/pdf', value: PDF }])).json();
    const secret = (await upload(t, admin, ticket.id, [{ name: 'internal', value: 'true' }, { name: 'file', filename: '内部成本核算.pdf', contentType: 'application/pdf', value: PDF }])).json();
    await upload(t, admin, ticket.id, [{ name: 'file', filename: '未发送草稿.pdf', contentType: 'application/pdf', value: PDF }]);
    await t.api(admin, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>维修师傅下午两点到</p>', attachmentIds: [sentFile.id] });
    await t.api(admin, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '内部：压缩机可能坏了', internal: true, attachmentIds: [secret.id] });
    const tracked = await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/track`, { code: queryCode.toLowerCase() });
    expect(tracked.statusCode, tracked.body).toBe(200);
    expect(tracked.json()).toMatchObject({ number, title: '空调不制冷', status: 'new', statusText: '已受理，等待处理', canConfirm: false, visit: null });
    // 预约上门: the customer sees the time agreed, on the tenant's clock
    const window = { windowStart: '2026-03-03T06:00:00.000Z', windowEnd: '2026-03-03T08:00:00.000Z' };
    expect((await t.api(admin, 'PUT', `/api/v1/field/jobs/${ticket.id}/visit`, window)).statusCode).toBe(200);
    const booked = (await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/track`, { code: queryCode })).json();
    expect(booked.visit).toEqual({ ...window, text: '已预约上门：3月3日 14:00–16:00' });
    expect(tracked.json().files.map((f: any) => f.filename)).toEqual(['空调面板.png']);
    expect(tracked.json().messages.map((m: any) => [m.from, m.text])).toEqual([['agent', '维修师傅下午两点到']]);
    expect(tracked.body).not.toContain('压缩机');
    expect(tracked.json().messages[0].files.map((f: any) => f.filename)).toEqual(['维修单.pdf']);
    expect(tracked.body).not.toContain('内部成本核算');
    expect(tracked.body).not.toContain('未发送草稿');
    expect((await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}/requests/${number}/files/${secret.id}?code=${queryCode}`)).statusCode).toBe(404);
    const fileId = tracked.json().files[0].id;
    const dl = await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}/requests/${number}/files/${fileId}?code=${queryCode}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect((await t.api(null, 'GET', `/api/v1/portal/${tenant.slug}/requests/${number}/files/${fileId}?code=AAAA-AAAA`)).statusCode).toBe(404);

    const replied = await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/reply`, { code: queryCode, body: '好的，我在会议室等', attachments: [{ filename: '现场.png', contentType: 'image/png', data: PNG }] });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().messages.at(-1)).toMatchObject({ from: 'customer', text: '好的，我在会议室等', files: [expect.objectContaining({ filename: '现场.png' })] });

    expect((await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/confirm`, { code: queryCode })).statusCode).toBe(409);
    const resolved = await t.api(admin, 'PATCH', `/api/v1/tickets/${ticket.id}`, { status: 'resolved', resolution: '更换了压缩机电容', assigneeId: (await t.api(admin, 'GET', '/api/v1/auth/me')).json().id });
    expect(resolved.statusCode, resolved.body).toBe(200);
    await t.settle();
    const solved = (await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/track`, { code: queryCode, locale: 'en-US' })).json();
    expect(solved).toMatchObject({ status: 'resolved', statusText: 'Solved, please confirm', canConfirm: true, survey: { open: true, answer: null } });
    const rated = await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/rate`, { code: queryCode, score: 5, comment: '师傅很专业' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().survey).toMatchObject({ open: false, answer: { score: 5, comment: '师傅很专业' } });
    const confirmed = await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/confirm`, { code: queryCode });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'closed', statusText: '已关闭', canReply: false });
  });

  it('answers a wrong code and an unknown number alike, and limits look-ups per client', async () => {
    const { number, queryCode } = (await newRequest({ title: '门禁卡失效' })).json();
    const wrong = await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/track`, { code: 'AAAA-AAAA' }, { 'x-forwarded-for': '10.0.0.9' });
    const unknown = await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number + 999}/track`, { code: queryCode });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toEqual(wrong.json().error);
    let last = 0;
    for (let i = 0; i < 14; i++) last = (await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/track`, { code: 'BBBB-BBBB' })).statusCode;
    expect(last).toBe(429);
    t.clock.advance(601_000);
    expect((await t.api(null, 'POST', `/api/v1/portal/${tenant.slug}/requests/${number}/track`, { code: queryCode })).statusCode).toBe(200);
  });

  it('signs a customer in by an SMS code and lists their requests from every channel', async () => {
    const base = `/api/v1/portal/${tenant.slug}`;
    // another channel's ticket of the same customer (an agent logged a phone call)
    const call = await t.api(tenant.adminToken, 'POST', '/api/v1/tickets', { title: '电话报修：电梯异响', description: '三号楼电梯运行时有异响', requester: { name: '陈静', phone: '13800138000' }, channel: 'phone' });
    expect(call.statusCode, call.body).toBe(201);
    const unknown = await t.api(null, 'POST', `${base}/sign-in`, { phone: '13900000000' });
    const known = await t.api(null, 'POST', `${base}/sign-in`, { phone: '138-0013-8000' });
    expect(known.statusCode).toBe(200);
    expect(unknown.json()).toEqual(known.json());
    const [sms] = await t.db.system((q) => q.query<{ request: any }>("SELECT request FROM deliveries WHERE dedupe_key LIKE 'portal:sign-in:%' AND target_kind = 'sms'"));
    const code = /(\d{6})/.exec(sms.request.text)![1];
    const bad = await t.api(null, 'POST', `${base}/sign-in/verify`, { phone: '13800138000', code: code === '000000' ? '111111' : '000000' });
    expect(bad.statusCode).toBe(401);
    const ok = await t.api(null, 'POST', `${base}/sign-in/verify`, { phone: '13800138000', code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ name: '陈静' });
    const cookie = String(ok.headers['set-cookie']).split(';')[0];
    expect(String(ok.headers['set-cookie'])).toContain(`Path=/api/v1/portal/${tenant.slug}`);
    expect((await t.api(null, 'POST', `${base}/sign-in/verify`, { phone: '13800138000', code })).statusCode).toBe(401);
    const mine = await t.api(null, 'GET', `${base}/my/requests`, undefined, { cookie });
    expect(mine.statusCode).toBe(200);
    const titles = mine.json().items.map((x: any) => [x.title, x.channel]);
    expect(titles).toEqual(expect.arrayContaining([['空调不制冷', 'web'], ['电话报修：电梯异响', 'phone']]));
    const phoneTicket = mine.json().items.find((x: any) => x.channel === 'phone');
    const seen = await t.api(null, 'POST', `${base}/requests/${phoneTicket.number}/track`, {}, { cookie });
    expect(seen.statusCode).toBe(200);
    expect((await t.api(null, 'GET', `${base}/my/requests`)).statusCode).toBe(401);
  });

  it('locks a code after five wrong tries', async () => {
    const base = `/api/v1/portal/${tenant.slug}`;
    t.clock.advance(601_000);
    await t.api(null, 'POST', `${base}/sign-in`, { email: 'chenjing@example.cn' });
    const [mail] = await t.db.system((q) => q.query<{ request: any }>("SELECT request FROM deliveries WHERE dedupe_key LIKE 'portal:sign-in:%' AND target_kind = 'email'"));
    const token = /signin=([A-Za-z0-9_-]+)/.exec(mail.request.text)![1];
    const signedIn = await t.api(null, 'POST', `${base}/sign-in/verify`, { token });
    expect(signedIn.statusCode).toBe(200);
    await t.api(null, 'POST', `${base}/sign-in`, { phone: '13800138000' });
    const codes = await t.db.system((q) => q.query<{ request: any }>("SELECT request FROM deliveries WHERE dedupe_key LIKE 'portal:sign-in:%' AND target_kind = 'sms' ORDER BY created_at DESC, id DESC"));
    const code = /(\d{6})/.exec(codes[0].request.text)![1];
    for (let i = 0; i < 5; i++) await t.api(null, 'POST', `${base}/sign-in/verify`, { phone: '13800138000', code: code === '000000' ? '111111' : '000000' });
    expect((await t.api(null, 'POST', `${base}/sign-in/verify`, { phone: '13800138000', code })).statusCode).toBe(401);
  });
});
