import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';
import { createCustomer, createStaff, createTicket } from './helpers';

type Item = { kind: string; ticketId: string | null; data: Record<string, unknown>; readAt: string | null; id: string };

describe('watchers and the notification center', () => {
  let t: TestApp;
  let acme: TestTenant;
  let wang: Awaited<ReturnType<typeof createStaff>>;
  let zhao: Awaited<ReturnType<typeof createStaff>>;
  let liu: Awaited<ReturnType<typeof createStaff>>;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('华南物业');
    wang = await createStaff(t, acme.adminToken, '王工', 'agent');
    zhao = await createStaff(t, acme.adminToken, '赵主管', 'supervisor');
    liu = await createStaff(t, acme.adminToken, '刘师傅', 'engineer', { scope: 'all' });
  });
  afterAll(() => t.close());

  const notifications = async (token: string, query = '') => (await t.api(token, 'GET', `/api/v1/notifications${query}`)).json() as { items: Item[]; unread: number; nextBefore: string | null };

  it('adds, lists and removes watchers, idempotently, with timeline events', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '空调漏水，12楼会议室', requester: { name: '陈先生', email: 'chen@example.cn' } });
    const url = `/api/v1/tickets/${ticket.id}/watchers`;
    const first = await t.api(acme.adminToken, 'PUT', `${url}/${wang.id}`);
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toEqual([expect.objectContaining({ userId: wang.id, name: '王工', role: 'agent' })]);
    const again = await t.api(acme.adminToken, 'PUT', `${url}/${wang.id}`);
    expect(again.json().items).toHaveLength(1);
    // an engineer may watch a ticket themselves
    expect((await t.api(liu.token, 'PUT', `${url}/${liu.id}`)).statusCode).toBe(200);
    const list = await t.api(wang.token, 'GET', url);
    expect(list.json().items.map((w: { name: string }) => w.name)).toEqual(['王工', '刘师傅']);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json().watcherIds).toEqual([wang.id, liu.id]);

    const removed = await t.api(wang.token, 'DELETE', `${url}/${liu.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items.map((w: { userId: string }) => w.userId)).toEqual([wang.id]);
    expect((await t.api(wang.token, 'DELETE', `${url}/${liu.id}`)).statusCode).toBe(200);

    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items as { kind: string; data: { userId?: string }; internal: boolean }[];
    expect(events.filter((e) => e.kind.startsWith('watcher.')).map((e) => [e.kind, e.data.userId, e.internal])).toEqual([
      ['watcher.added', wang.id, true],
      ['watcher.added', liu.id, true],
      ['watcher.removed', liu.id, true],
    ]);
    // wang was added by someone else and is told so
    expect((await notifications(wang.token)).items.map((n) => n.kind)).toContain('watcher_added');
  });

  it('refuses watchers that are not allowed', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '门禁卡失灵', requester: { email: 'mj@example.cn' } });
    const url = `/api/v1/tickets/${ticket.id}/watchers`;
    // an engineer cannot add a colleague
    const byEngineer = await t.api(liu.token, 'PUT', `${url}/${wang.id}`);
    expect(byEngineer.statusCode).toBe(403);
    expect(byEngineer.json().error.code).toBe('FORBIDDEN');
    const missing = await t.api(acme.adminToken, 'PUT', `${url}/00000000-0000-4000-8000-000000000000`);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
    const customer = await createCustomer(t, acme.adminToken, '孙女士');
    const notStaff = await t.api(acme.adminToken, 'PUT', `${url}/${customer.id}`);
    expect(notStaff.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'userId' });
    const own = `/api/v1/tickets/${customer.ticket.id}/watchers`;
    expect((await t.api(customer.token, 'PUT', `${own}/${customer.id}`)).statusCode).toBe(403);
    expect((await t.api(customer.token, 'GET', own)).statusCode).toBe(403);
    // someone limited to their own tickets cannot watch one they cannot see
    const limited = await createStaff(t, acme.adminToken, '周工', 'engineer', { scope: 'own' });
    expect((await t.api(acme.adminToken, 'PUT', `${url}/${limited.id}`)).json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'userId' });
    expect((await t.api(limited.token, 'PUT', `${url}/${limited.id}`)).statusCode).toBe(404);
    const badId = await t.api(acme.adminToken, 'PUT', `${url}/不是编号`);
    expect(badId.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'userId' });
  });

  it('tells watchers about new comments', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '电梯异响', requester: { email: 'dt@example.cn' } });
    await t.api(zhao.token, 'PUT', `/api/v1/tickets/${ticket.id}/watchers/${zhao.id}`);
    const before = (await notifications(zhao.token)).unread;
    const c = await t.api(wang.token, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>已派维保公司上门检查</p>' });
    expect(c.statusCode).toBe(201);
    const mine = await notifications(zhao.token);
    expect(mine.unread).toBe(before + 1);
    expect(mine.items[0]).toMatchObject({ kind: 'watched_ticket_comment', ticketId: ticket.id, readAt: null, data: { number: ticket.number, by: '王工', excerpt: '已派维保公司上门检查' } });
    // the author is not told about their own comment
    await t.api(zhao.token, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '收到', internal: true });
    expect((await notifications(zhao.token)).unread).toBe(before + 1);
  });

  it('notifies @mentions by id and by @email, and marks them read', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '停车场道闸无法抬杆', requester: { email: 'dz@example.cn' } });
    await t.api(acme.adminToken, 'POST', '/api/v1/notifications/read-all');
    await t.api(liu.token, 'POST', '/api/v1/notifications/read-all');
    const byId = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>请刘师傅今天处理</p>', internal: true, mentions: [liu.id] });
    expect(byId.json().mentions).toEqual([liu.id]);
    const byEmail = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: `<p>同时抄送 @${zhao.email} 跟进费用</p>`, internal: true });
    expect(byEmail.json().mentions).toEqual([zhao.id]);

    const liuInbox = await notifications(liu.token, '?unread=true');
    expect(liuInbox.unread).toBe(1);
    expect(liuInbox.items).toEqual([expect.objectContaining({ kind: 'mention', ticketId: ticket.id, data: expect.objectContaining({ title: '停车场道闸无法抬杆', excerpt: '请刘师傅今天处理' }) })]);
    const zhaoInbox = await notifications(zhao.token, '?unread=true');
    const mention = zhaoInbox.items.find((n) => n.kind === 'mention' && n.ticketId === ticket.id)!;
    expect(mention.data.excerpt).toContain('跟进费用');

    const read = await t.api(liu.token, 'POST', '/api/v1/notifications/read', { ids: [liuInbox.items[0].id] });
    expect(read.json()).toEqual({ updated: 1 });
    expect((await t.api(liu.token, 'POST', '/api/v1/notifications/read', { ids: [liuInbox.items[0].id] })).json()).toEqual({ updated: 0 });
    const after = await notifications(liu.token);
    expect(after.unread).toBe(0);
    expect(after.items[0].readAt).not.toBeNull();
    expect((await notifications(liu.token, '?unread=true')).items).toEqual([]);
    // somebody else's notification cannot be marked read
    expect((await t.api(liu.token, 'POST', '/api/v1/notifications/read', { ids: [mention.id] })).json()).toEqual({ updated: 0 });

    const all = await t.api(zhao.token, 'POST', '/api/v1/notifications/read-all');
    expect(all.json().updated).toBeGreaterThanOrEqual(1);
    expect((await notifications(zhao.token)).unread).toBe(0);
  });

  it('pages notifications and refuses bad queries and API keys', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '消防通道堵塞', requester: { email: 'xf@example.cn' } });
    for (let i = 0; i < 3; i++) await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: `第${i + 1}次提醒`, internal: true, mentions: [wang.id] });
    const first = await notifications(wang.token, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextBefore).toBe(first.items[1].id);
    const second = await notifications(wang.token, `?limit=2&before=${first.nextBefore}`);
    expect(second.items[0].id < first.items[1].id).toBe(true);
    expect((await t.api(wang.token, 'GET', '/api/v1/notifications?colour=red')).json().error.code).toBe('VALIDATION_FAILED');
    expect((await t.api(wang.token, 'POST', '/api/v1/notifications/read', { ids: ['x'] })).json().error.field).toBe('ids.0');
    expect((await t.api(null, 'GET', '/api/v1/notifications')).statusCode).toBe(401);
    const key = (await t.api(acme.adminToken, 'POST', '/api/v1/api-keys', { name: '集成', role: 'agent' })).json().key;
    const byKey = await t.api(key, 'GET', '/api/v1/notifications');
    expect(byKey.statusCode).toBe(403);
    expect((await t.api(key, 'POST', '/api/v1/notifications/read-all')).statusCode).toBe(403);
  });
});
