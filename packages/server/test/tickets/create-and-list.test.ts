import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

describe('tickets over HTTP', () => {
  let t: TestApp;
  let acme: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('华东电梯');
  });
  afterAll(() => t.close());

  it('creates a ticket with a number, a requester contact and a creation event', async () => {
    const res = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', {
      title: '电梯困人，3号楼2单元',
      description: '<p>电梯停在5楼，门打不开<script>alert(1)</script></p>',
      requester: { name: '李女士', phone: '+86 138-0013-8000', email: 'li@example.cn' },
      priority: 'urgent',
      tags: ['电梯', 'Urgent Case'],
    });
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket.number).toBe(10001);
    expect(ticket.description).not.toContain('script');
    expect(ticket.tags).toEqual(['电梯', 'urgent-case']);
    expect(ticket.status).toBe('new');
    const events = await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`);
    expect(events.json().items.map((e: { kind: string }) => e.kind)).toEqual(['ticket.created']);

    // the same phone in another form finds the same contact
    const again = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '还是电梯问题', description: '又坏了', requester: { phone: '13800138000' } });
    expect(again.json().requesterId).toBe(ticket.requesterId);
    expect(again.json().number).toBe(10002);
  });

  it('finds tickets by Chinese words and by number', async () => {
    await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '打印机无法连接网络', description: '财务部的打印机脱机了', requester: { email: 'cw@example.cn' } });
    const byWord = await t.api(acme.adminToken, 'GET', `/api/v1/tickets?q=${encodeURIComponent('打印机')}`);
    expect(byWord.json().items.map((x: { title: string }) => x.title)).toEqual(['打印机无法连接网络']);
    const bySubword = await t.api(acme.adminToken, 'GET', `/api/v1/tickets?q=${encodeURIComponent('打印')}`);
    expect(bySubword.json().items).toHaveLength(1);
    const none = await t.api(acme.adminToken, 'GET', `/api/v1/tickets?q=${encodeURIComponent('空调')}`);
    expect(none.json().items).toHaveLength(0);
    await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '收不到短信验证码，无法登录', description: 'SMS code never arrives', requester: { email: 'sms@example.cn' } });
    for (const partial of ['收不', '验证', 'SMS never', '短信 登录'])
      expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets?q=${encodeURIComponent(partial)}`)).json().items.map((x: { title: string }) => x.title), partial).toEqual(['收不到短信验证码，无法登录']);
    const byNumber = await t.api(acme.adminToken, 'GET', '/api/v1/tickets?q=10001');
    expect(byNumber.json().items[0].number).toBe(10001);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++)
      await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: `批量工单 ${i}`, description: 'x', requester: { email: `p${i}@example.com` }, tags: ['batch'] });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.api(acme.adminToken, 'GET', `/api/v1/tickets?tag=batch&sort=-created_at&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json().items.map((x: { number: number }) => x.number));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('rejects bad input with a code and the field at fault', async () => {
    const unknown = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: 'x', description: 'y', requester: { email: 'a@b.cn' }, colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toContainEqual(expect.objectContaining({ field: 'colour', code: 'unknown_field' }));
    const wrongType = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: 5, description: 'y' });
    expect(wrongType.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'title' });
    const malformed = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', '{"title": ');
    expect(malformed.json().error.code).toBe('MALFORMED_JSON');
    const missing = await t.api(acme.adminToken, 'GET', '/api/v1/tickets/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    const badSort = await t.api(acme.adminToken, 'GET', '/api/v1/tickets?sort=colour');
    expect(badSort.json().error.field).toBe('sort');
    const unauth = await t.api(null, 'GET', '/api/v1/tickets');
    expect(unauth.statusCode).toBe(401);
  });

  it('enforces status transitions and supports reopen', async () => {
    const { id } = (await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '状态流转', description: 'x', requester: { email: 's@example.cn' } })).json();
    // resolving needs a note, a category and an assignee (test/tickets/resolve-ticket.test.ts)
    const categoryId = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '状态流转' })).json().id;
    const assigneeId = (await t.api(acme.adminToken, 'GET', '/api/v1/auth/me')).json().id;
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${id}`, { status: 'resolved', resolution: '已处理', categoryId, assigneeId })).json().resolvedAt).not.toBeNull();
    const bad = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${id}`, { status: 'pending' });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status' });
    const reopened = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${id}`, { status: 'open' });
    expect(reopened.json()).toMatchObject({ status: 'open', resolvedAt: null });
    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${id}/events`)).json().items;
    expect(events.at(-1).data.changes.status).toEqual({ from: 'resolved', to: 'open' });
  });

  it('replays a create with the same Idempotency-Key instead of making a second ticket', async () => {
    const body = { title: '重复提交', description: '网络抖动重试', requester: { email: 'idem@example.cn' } };
    const first = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', body, { 'idempotency-key': 'k-1' });
    const second = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', body, { 'idempotency-key': 'k-1' });
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const other = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { ...body, title: '别的' }, { 'idempotency-key': 'k-1' });
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const count = await t.api(acme.adminToken, 'GET', `/api/v1/tickets/count?q=${encodeURIComponent('重复提交')}`);
    expect(count.json().count).toBe(1);
  });

  it('counts up to a bound when asked, and says the count was capped', async () => {
    for (const n of [1, 2, 3]) await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: `计数上限 ${n}`, description: '计数', requester: { email: 'cap@example.cn' } });
    const count = async (query: string) => (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/count?q=${encodeURIComponent('计数上限')}${query}`)).json();
    expect(await count('')).toEqual({ count: 3, capped: false });
    expect(await count('&upTo=2')).toEqual({ count: 2, capped: true });
    expect(await count('&upTo=3')).toEqual({ count: 3, capped: false });
    expect(await count('&upTo=4')).toEqual({ count: 3, capped: false });
    const bad = await t.api(acme.adminToken, 'GET', '/api/v1/tickets/count?upTo=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('upTo');
  });
});
