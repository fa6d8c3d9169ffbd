import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTELLIGENCE_CONSUMER, startIntelligence } from '../../src/modules/intelligence';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { createCustomer, createStaff, createTicket } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';
import { drainUntilPassed } from '../support/outbox-settle';

// Resolving needs what a service team needs: by default a resolution note (解决说明), a category and an
// assignee; each ticket type chooses which. Refusals are coded and name what is missing; the single
// update, the bulk update and reply-and-resolve are held to it alike; a customer confirming or
// replying is never refused; resolving takes the ticket out of 待分拣.

describe('resolving a ticket', () => {
  let t: TestApp;
  let acme: TestTenant;
  let outbox: OutboxDispatcher;
  let intel: { close(): Promise<void> };
  let category: string;
  let agent: { id: string; token: string };
  const patch = (id: string, body: Record<string, unknown>, token = acme.adminToken) => t.api(token, 'PATCH', `/api/v1/tickets/${id}`, body);
  const newTicket = (body: Record<string, unknown> = {}) => createTicket(t, acme.adminToken, { title: '三楼打印机卡纸', requester: { name: '王芳', email: 'wangfang@example.cn' }, ...body });
  const settle = () => drainUntilPassed(t.db, outbox, [INTELLIGENCE_CONSUMER]);

  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('解决工单');
    outbox = new OutboxDispatcher(t.db, t.deps.clock);
    intel = startIntelligence({ deps: t.deps, outbox, retrainMinutes: 0, log: console });
    category = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '打印机' })).json().id;
    agent = await createStaff(t, acme.adminToken, '坐席小李', 'agent');
  });
  afterAll(async () => {
    await intel.close();
    await t.close();
  });

  it('is refused without a note, a category and an assignee, naming each; then done in one request, the note kept and on the timeline', async () => {
    const ticket = await newTicket();
    const refused = await patch(ticket.id, { status: 'resolved' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'INVALID_TRANSITION', field: 'resolution' });
    expect(refused.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['resolution', 'required_to_resolve'],
      ['categoryId', 'required_to_resolve'],
      ['assigneeId', 'required_to_resolve'],
    ]);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({ status: 'new', resolution: null });
    // a blank note is no note
    expect((await patch(ticket.id, { status: 'resolved', resolution: '   ', categoryId: category, assigneeId: agent.id })).json().error.details.map((d: { field: string }) => d.field)).toEqual(['resolution']);

    const done = await patch(ticket.id, { status: 'resolved', resolution: '  更换了定影器，测试打印正常 ', categoryId: category, assigneeId: agent.id });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'resolved', resolution: '更换了定影器，测试打印正常' });
    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(events.at(-1).data.changes.resolution).toEqual({ from: null, to: '更换了定影器，测试打印正常' });

    // reopened, the next resolution writes its own note
    const reopened = await patch(ticket.id, { status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 'open', resolution: null });
    expect((await patch(ticket.id, { status: 'resolved' })).json().error.details.map((d: { field: string }) => d.field)).toEqual(['resolution']);
  });

  it('asks what the ticket type requires, which an admin sets', async () => {
    const type = await t.api(acme.adminToken, 'POST', '/api/v1/ticket-types', { key: 'consult', nameZh: '咨询' });
    expect(type.json().resolveRequires).toEqual(['resolution', 'category', 'assignee']);
    const changed = await t.api(acme.adminToken, 'PATCH', `/api/v1/ticket-types/${type.json().id}`, { resolveRequires: ['resolution'] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().resolveRequires).toEqual(['resolution']);
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/ticket-types')).json().items.find((x: { key: string }) => x.key === 'consult').resolveRequires).toEqual(['resolution']);
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/ticket-types/${type.json().id}`, { resolveRequires: ['signature'] })).statusCode).toBe(400);
    const none = await t.api(acme.adminToken, 'POST', '/api/v1/ticket-types', { key: 'notice', nameZh: '通知', resolveRequires: [] });
    expect(none.json().resolveRequires).toEqual([]);

    const ticket = await newTicket({ title: '发票怎么开', typeId: type.json().id });
    expect((await patch(ticket.id, { status: 'resolved' })).json().error.details.map((d: { field: string }) => d.field)).toEqual(['resolution']);
    expect((await patch(ticket.id, { status: 'resolved', resolution: '已告知开票流程' })).statusCode).toBe(200);
    const notice = await newTicket({ title: '停电通知已收到', typeId: none.json().id });
    expect((await patch(notice.id, { status: 'resolved' })).statusCode).toBe(200);
  });

  it('holds each ticket of a bulk update to it, saying what each one lacks', async () => {
    const ready = await newTicket({ categoryId: category, assigneeId: agent.id });
    const bare = await newTicket({ title: '扫描仪没反应' });
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/tickets/bulk', { ids: [ready.id, bare.id], changes: { status: 'resolved', resolution: '已远程处理' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().updated).toEqual([ready.id]);
    expect(res.json().failed).toEqual([{ id: bare.id, error: { code: 'INVALID_TRANSITION', message: expect.any(String), missing: ['categoryId', 'assigneeId'] } }]);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ready.id}`)).json()).toMatchObject({ status: 'resolved', resolution: '已远程处理' });
  });

  it('takes a bulk resolve\'s note as each ticket\'s, a blank one as none', async () => {
    const a = await newTicket({ categoryId: category, assigneeId: agent.id });
    const b = await newTicket({ title: '投影仪无信号', categoryId: category, assigneeId: agent.id });
    const blank = (await t.api(acme.adminToken, 'POST', '/api/v1/tickets/bulk', { ids: [a.id, b.id], changes: { status: 'resolved', resolution: '   ' } })).json();
    expect(blank).toEqual({ updated: [], failed: [a.id, b.id].map((id) => ({ id, error: { code: 'INVALID_TRANSITION', message: expect.any(String), missing: ['resolution'] } })) });
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/tickets/bulk', { ids: [a.id, b.id], changes: { status: 'resolved', resolution: ' 统一重启了会议室网络 ' } });
    expect(res.json()).toEqual({ updated: [a.id, b.id], failed: [] });
    for (const id of [a.id, b.id]) expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${id}`)).json()).toMatchObject({ status: 'resolved', resolution: '统一重启了会议室网络' });
  });

  it('takes a reply that resolves as the note, and is held to the rest', async () => {
    const ticket = await newTicket();
    const refused = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>已更换硒鼓</p>', status: 'resolved' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toEqual(['categoryId', 'assigneeId']);
    // refused as a whole: the reply was not kept without its status
    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(events.map((e: { kind: string }) => e.kind)).not.toContain('reply.added');
    expect((await patch(ticket.id, { categoryId: category, assigneeId: agent.id })).statusCode).toBe(200);
    const sent = await t.api(agent.token, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>已更换硒鼓，打印恢复正常</p>', status: 'resolved' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json()).toMatchObject({ status: 'resolved', resolution: '已更换硒鼓，打印恢复正常' });
  });

  it('never refuses the customer: confirming closes, a reply reopens and is kept', async () => {
    const customer = await createCustomer(t, acme.adminToken, '赵敏');
    const id = customer.ticket.id;
    expect((await patch(id, { status: 'resolved', resolution: '已上门维修', categoryId: category, assigneeId: agent.id })).statusCode).toBe(200);
    const reply = await t.api(customer.token, 'POST', `/api/v1/tickets/${id}/comments`, { body: '<p>还是不行，打印出来有黑条</p>' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${id}`)).json()).toMatchObject({ status: 'open', resolution: null });
    expect((await patch(id, { status: 'resolved', resolution: '更换了硒鼓' })).statusCode).toBe(200);
    const confirmed = await patch(id, { status: 'closed' }, customer.token);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'closed', resolution: '更换了硒鼓' });
  });

  it('takes a resolved ticket out of 待分拣, the triage marker', async () => {
    const ticket = await newTicket({ tags: ['待分拣', '打印'], categoryId: category, assigneeId: agent.id });
    expect((await patch(ticket.id, { status: 'resolved', resolution: '重新安装驱动后正常' })).statusCode).toBe(200);
    await settle();
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json().tags).toEqual(['打印']);
  });
});
