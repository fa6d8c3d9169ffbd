import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntelligence } from '../../src/modules/intelligence';
import { feedRefOf } from '../../src/modules/live/live-feed';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { createStaff } from '../collaboration/helpers';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';
import { drainUntilPassed } from '../support/outbox-settle';

// POST /api/v1/imports/tickets: a tenant's history from its old helpdesk, item by item — created,
// already there, or refused alone with a code and the field at fault — keeping its times and labels,
// within the tenant, and without what new tickets set off.
describe('importing historical tickets', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  let agent: { id: string; email: string; token: string };
  const cat: Record<string, string> = {};
  const team: Record<string, string> = {};
  const post = async (token: string, tickets: unknown[]) => t.api(token, 'POST', '/api/v1/imports/tickets', { tickets });
  const imported = async (tickets: unknown[], token = acme.adminToken) => {
    const res = await post(token, tickets);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const ticket = async (id: string, token = acme.adminToken) => (await t.api(token, 'GET', `/api/v1/tickets/${id}`)).json();
  const item = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    title: '财务部打印机卡纸',
    description: '<p>三楼财务部打印机<strong>卡纸</strong>，取不出来<script>alert(1)</script></p>',
    requester: { name: '张三', email: 'zhangsan@kehu.cn', phone: '13812345678' },
    createdAt: '2025-06-03T09:15:00+08:00',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp({ clock: true });
    acme = await t.tenant('历史导入');
    other = await t.tenant('另一家公司');
    agent = await createStaff(t, acme.adminToken, '李工', 'agent');
    const post = async (token: string, url: string, body: unknown) => {
      const res = await t.api(token, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    cat['硬件'] = await post(acme.adminToken, '/api/v1/categories', { nameZh: '硬件', nameEn: 'Hardware' });
    cat['硬件/打印机'] = await post(acme.adminToken, '/api/v1/categories', { nameZh: '打印机', parentId: cat['硬件'] });
    cat['网络'] = await post(acme.adminToken, '/api/v1/categories', { nameZh: '网络' });
    // a second 打印机 (under 网络: network printers) makes the bare name ambiguous
    cat['网络/打印机'] = await post(acme.adminToken, '/api/v1/categories', { nameZh: '打印机', parentId: cat['网络'] });
    team['桌面支持组'] = await post(acme.adminToken, '/api/v1/teams', { name: '桌面支持组' });
    // the other tenant has a category, team and user of the same names
    await post(other.adminToken, '/api/v1/categories', { nameZh: '账号密码' });
    await post(other.adminToken, '/api/v1/teams', { name: '网络运维组' });
    await post(other.adminToken, '/api/v1/users', { email: 'waijia@example.cn', name: '别家坐席', role: 'agent', password: PASSWORD });
  });
  afterAll(() => t.close());

  it('imports a mix: created with times, status and labels kept, then exists on a re-run, bad items failing alone', async () => {
    const batch = [
      item('ZD-1001', {
        status: 'closed', priority: 'high', category: '硬件/打印机', team: '桌面支持组', assignee: agent.email.toUpperCase(),
        tags: ['历史', '打印'], channel: 'email', updatedAt: '2025-06-05T18:00:00+08:00', resolvedAt: '2025-06-04T10:00:00+08:00', closedAt: '2025-06-05T18:00:00+08:00',
      }),
      item('ZD-1002', { title: '无线网络频繁掉线', status: 'open', category: cat['网络'], team: team['桌面支持组'], assignee: agent.id, createdAt: '2025-02-01T08:00:00Z' }),
      item('ZD-1003', { category: '扫描仪' }),
      item('ZD-1004', { createdAt: '2027-01-01T00:00:00+08:00' }),
      item('ZD-1005', { status: '已关闭' }),
      { title: '没有原系统编号', requester: { name: '王五' }, createdAt: '2025-01-01T00:00:00Z' },
      item('ZD-1001', { title: '同一请求里重复的编号' }),
      item('ZD-1006', { category: '打印机' }),
      item('ZD-1007', { resolvedAt: '2025-01-01T00:00:00+08:00' }),
      item('ZD-1008', { 来源: '旧系统' }),
    ];
    const res = await imported(batch);
    expect(res).toMatchObject({ created: 2, exists: 0, failed: 8 });
    const [closed, open, ...bad] = res.items;
    expect(closed).toMatchObject({ externalId: 'ZD-1001', result: 'created', number: expect.any(Number) });
    expect(open).toMatchObject({ externalId: 'ZD-1002', result: 'created' });
    // numbers follow the tickets' own history: ZD-1002 is older
    expect(open.number).toBeLessThan(closed.number);
    expect(bad.map((b: { externalId: string | null; error: { code: string; field: string } }) => [b.externalId, b.error.code, b.error.field])).toEqual([
      ['ZD-1003', 'NOT_FOUND', 'category'],
      ['ZD-1004', 'VALIDATION_FAILED', 'createdAt'],
      ['ZD-1005', 'VALIDATION_FAILED', 'status'],
      [null, 'VALIDATION_FAILED', 'externalId'],
      ['ZD-1001', 'VALIDATION_FAILED', 'externalId'],
      ['ZD-1006', 'VALIDATION_FAILED', 'category'],
      ['ZD-1007', 'VALIDATION_FAILED', 'resolvedAt'],
      ['ZD-1008', 'VALIDATION_FAILED', '来源'],
    ]);
    expect(bad[0].error.message).toContain('扫描仪');
    // the refusal's reason and the value at fault as given
    expect(bad.map((b: { error: { reason?: string; value?: string } }) => [b.error.reason, b.error.value])).toEqual([
      ['not_found', '扫描仪'],
      ['in_future', '2027-01-01T00:00:00+08:00'],
      ['invalid', '已关闭'],
      ['required', undefined],
      ['duplicate_in_request', 'ZD-1001'],
      ['ambiguous', '打印机'],
      ['before_created', '2025-01-01T00:00:00+08:00'],
      ['unknown_field', undefined],
    ]);
    expect(bad[1].error.message).toContain('future');
    expect(bad[3].error.message).toContain('required');
    expect(bad[4].error.message).toContain('item 1');
    expect(bad[5].error.message).toMatch(/硬件\/打印机.*网络\/打印机|网络\/打印机.*硬件\/打印机/);

    const a = await ticket(closed.id);
    expect(a).toMatchObject({
      id: closed.id, number: closed.number, title: '财务部打印机卡纸', status: 'closed', priority: 'high', channel: 'email',
      categoryId: cat['硬件/打印机'], teamId: team['桌面支持组'], assigneeId: agent.id, requesterName: '张三', tags: ['历史', '打印'],
      createdAt: '2025-06-03T01:15:00.000Z', updatedAt: '2025-06-05T10:00:00.000Z', resolvedAt: '2025-06-04T02:00:00.000Z', closedAt: '2025-06-05T10:00:00.000Z',
    });
    expect(a.description).toContain('<strong>卡纸</strong>');
    expect(a.description).not.toContain('script');
    const b = await ticket(open.id);
    expect(b).toMatchObject({ status: 'open', categoryId: cat['网络'], createdAt: '2025-02-01T08:00:00.000Z', updatedAt: '2025-02-01T08:00:00.000Z', resolvedAt: null, closedAt: null });

    // one timeline event: the import, by the admin, on channel import, naming the source id
    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${closed.id}/events`)).json().items;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'ticket.imported', channel: 'import', actor: { type: 'user' }, data: { externalId: 'ZD-1001', after: { number: closed.number, status: 'closed' } } });
    expect(events[0].createdAt).toBe(t.clock.now().toISOString());

    // found by full-text search and by the list's time filters like any ticket
    const found = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets?q=${encodeURIComponent('卡纸')}&createdTo=2025-07-01T00:00:00Z`)).json().items;
    expect(found.map((x: { id: string }) => x.id)).toContain(closed.id);
    // the old system's id is on the ticket and finds it
    expect(a.externalId).toBe('ZD-1001');
    const byOldId = async (id: string) => (await t.api(acme.adminToken, 'GET', `/api/v1/tickets?q=${encodeURIComponent(id)}`)).json().items.map((x: { id: string }) => x.id);
    expect(await byOldId('ZD-1001')).toEqual([closed.id]);
    expect(await byOldId('zd-1002')).toEqual([open.id]);

    // the same items again: the two imported answer exists with their tickets, nothing new is written
    const again = await imported([item('ZD-1002'), item('ZD-1001'), item('ZD-1009', { status: 'resolved' })]);
    expect(again).toMatchObject({ created: 1, exists: 2, failed: 0 });
    expect(again.items.slice(0, 2)).toEqual([
      { externalId: 'ZD-1002', result: 'exists', id: open.id, number: open.number },
      { externalId: 'ZD-1001', result: 'exists', id: closed.id, number: closed.number },
    ]);
    const resolved = await ticket(again.items[2].id);
    expect(resolved).toMatchObject({ status: 'resolved', resolvedAt: '2025-06-03T01:15:00.000Z', closedAt: null });
    const closedDefault = await ticket((await imported([item('ZD-1010')])).items[0].id);
    expect(closedDefault).toMatchObject({ status: 'closed', closedAt: '2025-06-03T01:15:00.000Z', resolvedAt: '2025-06-03T01:15:00.000Z' });
  });

  it('tells a row without a requester what to give', async () => {
    const { requester: _, ...noRequester } = item('ZD-1101');
    const res = await imported([noRequester]);
    expect(res).toMatchObject({ created: 0, failed: 1 });
    expect(res.items[0].error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'requester' });
    expect(res.items[0].error.message).toContain("required: the requester's name, email or phone");
  });

  it('only admins import', async () => {
    const res = await post(agent.token, [item('ZD-2001')]);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await t.api(null, 'POST', '/api/v1/imports/tickets', { tickets: [item('ZD-2001')] })).statusCode).toBe(401);
    const tooMany = await post(acme.adminToken, Array.from({ length: 501 }, (_, i) => item(`ZD-3${i}`)));
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'tickets' });
  });

  it('is in the OpenAPI document with the item and result shapes of the same schemas', async () => {
    const doc = (await t.api(null, 'GET', '/api/openapi.json')).json();
    const op = doc.paths['/api/v1/imports/tickets'].post;
    const items = op.requestBody.content['application/json'].schema.properties.tickets;
    expect(items.maxItems).toBe(500);
    expect(items.items.properties).toHaveProperty('externalId');
    expect(items.items.required).toEqual(expect.arrayContaining(['externalId', 'title', 'requester', 'createdAt']));
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/ImportResult');
    const error = doc.components.schemas.ImportResult.properties.items.items.properties.error;
    expect(Object.keys(error.properties)).toEqual(['code', 'message', 'field', 'reason', 'value']);
    expect(error.required).toEqual(['code', 'message']);
  });

  it("never sees or links another tenant's categories, teams, users or external ids", async () => {
    const res = await imported([
      item('ZD-4001', { category: '账号密码' }),
      item('ZD-4002', { team: '网络运维组' }),
      item('ZD-4003', { assignee: 'waijia@example.cn' }),
      item('ZD-4004', { category: cat['硬件'] }),
    ], other.adminToken);
    expect(res.items.map((i: { result: string; error?: { field: string } }) => [i.result, i.error?.field])).toEqual([
      ['created', undefined], ['created', undefined], ['created', undefined], ['failed', 'category'],
    ]);
    // ZD-1001 is acme's: in the other tenant it is a new ticket, and acme's stays as it was
    const own = await imported([item('ZD-1001', { title: '另一家的同号工单' })], other.adminToken);
    expect(own.items[0].result).toBe('created');
    expect((await ticket(own.items[0].id, other.adminToken)).title).toBe('另一家的同号工单');
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${own.items[0].id}`)).statusCode).toBe(404);
    const rows = await t.db.system((q) => q.query<{ tenant_id: string }>(`SELECT tenant_id FROM tickets WHERE external_id = 'ZD-1001' ORDER BY tenant_id`));
    expect(rows.map((r) => r.tenant_id).sort()).toEqual([acme.id, other.id].sort());
  });

  it('sets off nothing meant for new tickets: no notification, no priority raise, no correction, no live update', async () => {
    const outbox = new OutboxDispatcher(t.db, t.deps.clock);
    const intel = startIntelligence({ deps: t.deps, outbox, retrainMinutes: 0, log: console });
    const topics: string[] = [];
    outbox.subscribe('test-import-topics', ['*'], async (m) => {
      topics.push(m.topic);
      expect(feedRefOf(m)).toBeNull();
    });
    try {
      // a key account's ticket, open, assigned: a new ticket like it would be raised and its assignee told
      const org = (await t.api(acme.adminToken, 'POST', '/api/v1/organizations', { name: '华东电力集团', tier: 'key_account' })).json();
      const vip = { name: '周经理', email: 'zhou@hd-power.cn' };
      expect((await t.api(acme.adminToken, 'POST', '/api/v1/contacts', { name: vip.name, organizationId: org.id, identities: [{ kind: 'email', value: vip.email }] })).statusCode).toBe(201);
      const res = await imported([item('ZD-5001', { requester: vip, status: 'open', priority: 'normal', assignee: agent.id, category: '网络', team: '桌面支持组' })]);
      const id = res.items[0].id;
      await drainUntilPassed(t.db, outbox, ['test-import-topics']);
      expect(new Set(topics)).toEqual(new Set(['ticket.imported']));
      expect((await ticket(id)).priority).toBe('normal');
      expect((await t.api(agent.token, 'GET', '/api/v1/notifications')).json().items).toEqual([]);
      const counts = await t.db.tenant(acme.id, async (q) => ({
        feedback: (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM intelligence_feedback`))[0].n,
        notifications: (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications`))[0].n,
        events: (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1`, [id]))[0].n,
      }));
      expect(counts).toEqual({ feedback: 0, notifications: 0, events: 1 });

      // the same request created as new work is raised for the key account (at creation) and announced (the consumers are listening)
      const fresh = await t.api(acme.adminToken, 'POST', '/api/v1/tickets', { title: '财务部打印机卡纸', description: '三楼财务部打印机卡纸', requester: vip });
      expect(fresh.statusCode, fresh.body).toBe(201);
      expect(fresh.json().priority).toBe('high');
      await drainUntilPassed(t.db, outbox, ['test-import-topics']);
      expect(topics).toContain('ticket.created');
      expect((await ticket(fresh.json().id)).priority).toBe('high');
    } finally {
      await intel.close();
      await outbox.stop();
    }
  });

  // last: its edit is an outbox message the test above does not expect
  it('still finds a ticket by its old id after its text was edited here', async () => {
    const [created] = (await imported([item('ZD-7001', { title: '会议室投影仪无信号', status: 'open' })])).items;
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${created.id}`, { title: '会议室投影仪无信号（已复现）' })).statusCode).toBe(200);
    const items = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets?q=${encodeURIComponent('ZD-7001')}`)).json().items;
    expect(items.map((x: { id: string; title: string }) => [x.id, x.title])).toEqual([[created.id, '会议室投影仪无信号（已复现）']]);
  });
});
