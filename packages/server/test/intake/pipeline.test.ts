import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveInbound, type ChannelPlugin } from '../../src/modules/intake';
import { PermanentIntakeError } from '../../src/modules/intake';
import { startIntakeTestApp, type IntakeTestApp } from '../support/intake-app';
import type { TestTenant } from '../support/test-app';

// The pipeline with a minimal JSON channel standing in for a transport: store raw → worker → ticket or
// comment, threads, duplicates, quarantine and retry, routing rules, replies going out.
const sent: { recipient: string; text: string; threadKeys: string[] }[] = [];
const failedOnce = new Set<string>();
const jsonChannel: ChannelPlugin = {
  name: 'test-json',
  register(r) {
    r.addAdapter({
      channel: 'chat',
      parse(row) {
        const m = JSON.parse(row.raw.toString('utf8'));
        if (m.broken) throw new PermanentIntakeError('MALFORMED', 'the test message is marked broken');
        if (m.flaky && row.attempts < 2) throw new Error('temporary failure');
        if (m.autoReply) return { kind: 'ignore', reason: 'auto_reply' };
        return { kind: 'message', message: { sender: { name: m.name, email: m.email }, subject: m.subject, text: m.text, threadKeys: m.thread ? [`chat:${m.thread}`] : [], ownKeys: m.thread ? [`chat:${m.thread}`] : [], mayCreate: m.mayCreate } };
      },
    });
    r.addSender({
      channel: 'chat',
      identityKind: 'email',
      async send(_deps, m) {
        if (m.bodyText.includes('失败一次') && !failedOnce.has(m.commentId)) {
          failedOnce.add(m.commentId);
          throw new Error('the platform is down for a moment');
        }
        sent.push({ recipient: m.recipient, text: m.bodyText, threadKeys: m.threadKeys });
        return { externalId: `out-${sent.length}` };
      },
    });
  },
};

let t: IntakeTestApp;
let tenant: TestTenant;
const deliver = (body: Record<string, unknown>, externalId?: string) =>
  receiveInbound(t.deps, { tenantId: tenant.id, channel: 'chat', externalId, contentType: 'application/json', raw: Buffer.from(JSON.stringify(body)) });

beforeAll(async () => {
  t = await startIntakeTestApp({ plugins: [jsonChannel] });
  tenant = await t.tenant();
});
afterAll(() => t.close());

describe('intake pipeline', () => {
  it('stores, then opens a ticket with the sender as requester; the same thread appends; a duplicate delivery stores nothing', async () => {
    const first = await deliver({ name: '王芳', email: 'wangfang@example.cn', subject: '打印机卡纸', text: '三楼的打印机又卡纸了', thread: 'c-1' }, 'm-1');
    expect(first.duplicate).toBe(false);
    const again = await deliver({ name: '王芳', email: 'wangfang@example.cn', subject: '打印机卡纸', text: '三楼的打印机又卡纸了', thread: 'c-1' }, 'm-1');
    expect(again).toEqual({ id: first.id, duplicate: true });
    await deliver({ name: '王芳', email: 'wangfang@example.cn', text: '现在已经完全打不出来了', thread: 'c-1' }, 'm-2');
    await t.settle();
    const list = (await t.api(tenant.adminToken, 'GET', '/api/v1/tickets?channel=chat')).json();
    const mine = list.items.filter((x: any) => x.title === '打印机卡纸');
    expect(mine).toHaveLength(1);
    expect(mine[0].requesterName).toBe('王芳');
    const events = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${mine[0].id}/events`)).json().items;
    const reply = events.find((e: any) => e.kind === 'reply.added');
    expect(reply.channel).toBe('chat');
    expect(reply.data.body).toContain('完全打不出来');
    const log = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${mine[0].id}/channel-log`)).json();
    expect(log.inbound.map((m: any) => m.outcome).sort()).toEqual(['appended', 'created']);
    expect(log.inbound.map((m: any) => m.ticketNumber)).toEqual([mine[0].number, mine[0].number]);
    expect((await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${first.id}`)).json()).toMatchObject({ ticketId: mine[0].id, ticketNumber: mine[0].number });
    const raw = await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${first.id}/raw`);
    expect(JSON.parse(raw.body).text).toBe('三楼的打印机又卡纸了');
  });

  it('quarantines a message that cannot be processed, retries a temporary failure, and lets an admin retry', async () => {
    const broken = await deliver({ broken: true });
    const flaky = await deliver({ flaky: true, email: 'flaky@example.cn', subject: '临时故障', text: '重试后成功' });
    await t.settle();
    let b = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${broken.id}`)).json();
    expect(b.state).toBe('quarantined');
    expect(b.error.code).toBe('MALFORMED');
    let f = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${flaky.id}`)).json();
    expect(f.state).toBe('pending'); // failed once, due again after the backoff
    expect(f.error.code).toBe('PROCESSING_FAILED');
    await t.db.system((q) => q.query("UPDATE inbound_messages SET next_attempt_at = now() - interval '1 second' WHERE id = $1", [flaky.id]));
    await t.settle();
    f = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${flaky.id}`)).json();
    expect(f).toMatchObject({ state: 'processed', outcome: 'created', attempts: 2 });
    const q = (await t.api(tenant.adminToken, 'GET', '/api/v1/intake/messages?state=quarantined')).json();
    expect(q.items.map((m: any) => m.id)).toContain(broken.id);
    const retried = await t.api(tenant.adminToken, 'POST', `/api/v1/intake/messages/${broken.id}/retry`);
    expect(retried.json().state).toBe('pending');
    const notAgain = await t.api(tenant.adminToken, 'POST', `/api/v1/intake/messages/${flaky.id}/retry`);
    expect(notAgain.statusCode).toBe(400);
    await t.settle();
    b = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${broken.id}`)).json();
    expect(b.state).toBe('quarantined');
  });

  it('quarantines a stored message whose text the database cannot store at once, with INVALID_TEXT, never retrying it', async () => {
    const nul = await deliver({ name: '赵敏', email: 'zhaomin@example.cn', subject: '发票\u0000抬头错误', text: '请重新开具发票' });
    const surrogate = await deliver({ name: '赵敏', email: 'zhaomin@example.cn', subject: '退款', text: '已经一周了\ud800还没到账' });
    await t.settle();
    for (const { id } of [nul, surrogate]) {
      const m = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${id}`)).json();
      expect(m).toMatchObject({ state: 'quarantined', attempts: 1, error: { code: 'INVALID_TEXT' } });
    }
    // and the transport's envelope is checked before storing: a coded refusal, nothing stored
    await expect(receiveInbound(t.deps, { tenantId: tenant.id, channel: 'chat', externalId: 'id\u0000x', contentType: 'application/json', raw: Buffer.from('{}') })).rejects.toMatchObject({ code: 'INVALID_TEXT' });
  });

  it('ignores what the adapter ignores and a follow-up that may not open a ticket', async () => {
    const auto = await deliver({ autoReply: true });
    const orphan = await deliver({ email: 'x@example.cn', text: '恢复', thread: 'none', mayCreate: false });
    await t.settle();
    expect((await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${auto.id}`)).json()).toMatchObject({ state: 'ignored', outcome: 'auto_reply' });
    expect((await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${orphan.id}`)).json()).toMatchObject({ state: 'ignored', outcome: 'no_ticket_to_join' });
  });

  it("applies the channel's keyword routing rules matched on jieba words", async () => {
    const team = (await t.api(tenant.adminToken, 'POST', '/api/v1/teams', { name: '财务组' })).json();
    const ch = await t.api(tenant.adminToken, 'POST', '/api/v1/channels', {
      kind: 'chat',
      name: '在线客服',
      secrets: { token: 's3cret' },
      defaults: { tags: ['chat'], rules: [{ keywords: ['发票'], teamId: team.id, priority: 'high', tags: ['billing'] }] },
    });
    expect(ch.statusCode).toBe(201);
    expect(ch.json().secretsSet).toEqual(['token']);
    expect(JSON.stringify(ch.json())).not.toContain('s3cret');
    const bad = await t.api(tenant.adminToken, 'POST', '/api/v1/channels', { kind: 'chat', name: 'x', defaults: { teamId: '00000000-0000-7000-8000-000000000000' } });
    expect(bad.statusCode).toBe(404);
    const r = await receiveInbound(t.deps, { tenantId: tenant.id, channel: 'chat', channelId: ch.json().id, contentType: 'application/json', raw: Buffer.from(JSON.stringify({ email: 'li@example.cn', subject: '请重开增值税发票', text: '抬头写错了' })) });
    await t.settle();
    const m = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${r.id}`)).json();
    const ticket = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${m.ticketId}`)).json();
    expect(ticket).toMatchObject({ priority: 'high', channel: 'chat' });
    expect(ticket.teamId).toBe(team.id);
    expect(ticket.tags.sort()).toEqual(['billing', 'chat']);
  });

  it("sends a staff reply back on the customer's channel once, never an internal note or the customer's own words", async () => {
    const r = await deliver({ name: '赵磊', email: 'zhaolei@example.cn', subject: '无法登录', text: '密码重置邮件收不到', thread: 'c-9' });
    await t.settle();
    const { ticketId } = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${r.id}`)).json();
    sent.length = 0;
    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '<p>已为您重置，请查收</p>' });
    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '内部备注', internal: true });
    await t.settle();
    await t.settle();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ recipient: 'zhaolei@example.cn', text: '已为您重置，请查收' });
    expect(sent[0].threadKeys).toContain('chat:c-9');
    const log = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/channel-log`)).json();
    expect(log.outbound).toHaveLength(1);
    expect(log.outbound[0]).toMatchObject({ state: 'sent', channel: 'chat', externalId: 'out-1' });
  });

  it('a reply written in the console is from 网页 (web) and delivered on the channel picked; 记录回电 and 仅门户 send nothing', async () => {
    const r = await deliver({ name: '孙丽', email: 'sunli@example.cn', subject: '发票抬头写错了', text: '请帮忙重开发票', thread: 'c-11' });
    await t.settle();
    const { ticketId } = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${r.id}`)).json();
    sent.length = 0;
    const reply = (await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '已为您重开发票', channel: 'chat' })).json();
    expect(reply).toMatchObject({ channel: 'web', deliverVia: 'chat' });
    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '刚才电话里说明了开票进度', channel: 'phone' });
    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '处理记录已同步到门户', channel: 'portal' });
    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '财务已确认', internal: true });
    await t.settle();
    await t.settle();
    expect(sent.map((x) => x.text)).toEqual(['已为您重开发票']);
    const events = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/events`)).json().items;
    const comments = events.filter((e: any) => e.kind === 'reply.added' || e.kind === 'note.added');
    expect(comments.map((e: any) => [e.kind, e.channel, e.data.deliverVia ?? null])).toEqual([
      ['reply.added', 'web', 'chat'],
      ['reply.added', 'web', 'phone'],
      ['reply.added', 'web', 'portal'],
      ['note.added', 'web', null],
    ]);
    const log = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/channel-log`)).json();
    expect(log.outbound).toEqual([expect.objectContaining({ commentId: reply.id, channel: 'chat', state: 'sent' })]);
  });

  it('gives a failed send back and sends it once on the retry, outside any transaction', async () => {
    const r = await deliver({ name: '钱伟', email: 'qianwei@example.cn', subject: '发票寄送', text: '发票还没收到', thread: 'c-10' });
    await t.settle();
    const { ticketId } = (await t.api(tenant.adminToken, 'GET', `/api/v1/intake/messages/${r.id}`)).json();
    sent.length = 0;
    await t.api(tenant.adminToken, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body: '快递失败一次后已重新寄出' });
    await t.settle();
    let log = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/channel-log`)).json();
    expect(sent).toHaveLength(0);
    expect(log.outbound[0]).toMatchObject({ state: 'pending', attempts: 1, error: { code: 'DELIVERY_ATTEMPT_FAILED', message: 'the platform is down for a moment' } });
    await t.db.system((q) => q.query("UPDATE outbox_retries SET available_at = now() - interval '1 second'"));
    await t.settle();
    log = (await t.api(tenant.adminToken, 'GET', `/api/v1/tickets/${ticketId}/channel-log`)).json();
    expect(sent).toHaveLength(1);
    expect(log.outbound[0]).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it("keeps other tenants' messages and channels out of reach", async () => {
    const other = await t.tenant();
    const r = await deliver({ email: 'secret@example.cn', subject: '机密', text: '不应被看到' });
    expect((await t.api(other.adminToken, 'GET', `/api/v1/intake/messages/${r.id}`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'GET', `/api/v1/intake/messages/${r.id}/raw`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'GET', '/api/v1/channels')).json().items).toEqual([]);
  });
});
