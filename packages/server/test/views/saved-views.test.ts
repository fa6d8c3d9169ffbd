import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createStaff, createTicket } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// /views: saved ticket list views, personal or shared with the tenant by admins and supervisors.
describe('saved views', () => {
  let t: TestApp;
  let acme: TestTenant;
  let agent: { id: string; token: string };
  let colleague: { id: string; token: string };
  let supervisor: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('视图测试');
    agent = await createStaff(t, acme.adminToken, '坐席小冯', 'agent');
    colleague = await createStaff(t, acme.adminToken, '坐席小陈', 'agent');
    supervisor = await createStaff(t, acme.adminToken, '主管老褚', 'supervisor');
  });
  afterAll(() => t.close());

  const names = async (token: string) => (await t.api(token, 'GET', '/api/v1/views')).json().items.map((v: { name: string }) => v.name);

  it('saves a personal view whose filters are the ticket list parameters, and only its owner sees it', async () => {
    const res = await t.api(agent.token, 'POST', '/api/v1/views', {
      name: ' 我的紧急工单 ',
      filters: { status: ['open', 'pending'], priority: 'high,urgent', assignee: 'me', q: '打印机', createdFrom: '2026-01-01' },
      columns: ['number', 'title', 'status', 'customFields.serial', 'title'],
      sort: '-priority',
    });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      name: '我的紧急工单',
      filters: { status: ['open', 'pending'], priority: ['high', 'urgent'], assignee: 'me', q: '打印机', createdFrom: '2026-01-01T00:00:00.000Z' },
      columns: ['number', 'title', 'status', 'customFields.serial'],
      sort: '-priority',
      shared: false,
      ownerId: agent.id,
      ownerName: '坐席小冯',
      canEdit: true,
    });
    // the stored filters are a valid ticket list query as they are
    await createTicket(t, acme.adminToken, { title: '打印机卡纸', requester: { email: 'a@kehu.cn' }, priority: 'high', status: 'open', assigneeId: agent.id });
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(view.filters)) for (const x of Array.isArray(v) ? v : [v]) query.append(k, String(x));
    query.set('sort', view.sort);
    const list = await t.api(agent.token, 'GET', `/api/v1/tickets?${query}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { title: string }) => x.title)).toEqual(['打印机卡纸']);

    expect(await names(agent.token)).toEqual(['我的紧急工单']);
    expect(await names(colleague.token)).toEqual([]);
    expect((await t.api(colleague.token, 'GET', `/api/v1/views/${view.id}`)).statusCode).toBe(404);
    expect((await t.api(colleague.token, 'PATCH', `/api/v1/views/${view.id}`, { name: '抢过来' })).statusCode).toBe(404);
    expect((await t.api(colleague.token, 'DELETE', `/api/v1/views/${view.id}`)).statusCode).toBe(404);
    // the owner renames it and replaces its columns; a second view of the same name is refused
    const renamed = await t.api(agent.token, 'PATCH', `/api/v1/views/${view.id}`, { name: '紧急工单', columns: ['number'] });
    expect(renamed.json()).toMatchObject({ name: '紧急工单', columns: ['number'], sort: '-priority', filters: { q: '打印机' } });
    const dup = await t.api(agent.token, 'POST', '/api/v1/views', { name: '紧急工单' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'CONFLICT', field: 'name' });
    // another user may use the same name
    expect((await t.api(colleague.token, 'POST', '/api/v1/views', { name: '紧急工单' })).json()).toMatchObject({ sort: '-updated_at', filters: {}, columns: [] });
  });

  it('lets admins and supervisors share a view with everyone, and only them change it', async () => {
    expect((await t.api(agent.token, 'POST', '/api/v1/views', { name: '想共享', shared: true })).statusCode).toBe(403);
    const shared = (await t.api(supervisor.token, 'POST', '/api/v1/views', { name: '全部未分配', filters: { assignee: 'none' }, shared: true })).json();
    expect(shared).toMatchObject({ shared: true, canEdit: true });
    const seen = (await t.api(agent.token, 'GET', `/api/v1/views/${shared.id}`)).json();
    expect(seen).toMatchObject({ name: '全部未分配', canEdit: false, ownerName: '主管老褚' });
    expect(await names(agent.token)).toEqual(['紧急工单', '全部未分配']); // own first
    expect((await t.api(agent.token, 'PATCH', `/api/v1/views/${shared.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await t.api(agent.token, 'DELETE', `/api/v1/views/${shared.id}`)).statusCode).toBe(403);
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/views/${shared.id}`, { filters: { assignee: 'none', status: ['new'] } })).json().filters).toEqual({ assignee: 'none', status: ['new'] });
    // an agent cannot share their own view either
    const own = (await t.api(agent.token, 'GET', '/api/v1/views')).json().items[0];
    expect((await t.api(agent.token, 'PATCH', `/api/v1/views/${own.id}`, { shared: true })).statusCode).toBe(403);
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/views/${shared.id}`)).statusCode).toBe(204);
    expect((await t.api(agent.token, 'GET', `/api/v1/views/${shared.id}`)).statusCode).toBe(404);
    expect((await t.api(agent.token, 'DELETE', `/api/v1/views/${own.id}`)).statusCode).toBe(204);
    expect(await names(agent.token)).toEqual([]);
  });

  it('refuses filters, sorts and columns the ticket list would not take', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await t.api(agent.token, 'POST', '/api/v1/views', { name: '坏视图', ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field).toContain(field);
    };
    await bad({ filters: { status: ['bogus'] } }, 'filters');
    await bad({ filters: { colour: 'red' } }, 'filters');
    await bad({ filters: { createdFrom: '昨天' } }, 'filters');
    await bad({ filters: { cursor: 'abc' } }, 'filters');
    await bad({ sort: 'title' }, 'sort');
    await bad({ columns: ['<script>'] }, 'columns');
    await bad({ name: '   ' }, 'name');
    const own = (await t.api(agent.token, 'POST', '/api/v1/views', { name: '临时' })).json();
    expect((await t.api(agent.token, 'PATCH', `/api/v1/views/${own.id}`, {})).statusCode).toBe(400);
    expect((await t.api(agent.token, 'PATCH', `/api/v1/views/${own.id}`, { sort: 'nothing' })).json().error.field).toBe('sort');
  });

  it('belongs to staff users of one tenant: not customers, API keys or other tenants', async () => {
    const customer = await createCustomer(t, acme.adminToken, '客户卫先生');
    expect((await t.api(customer.token, 'GET', '/api/v1/views')).statusCode).toBe(403);
    expect((await t.api(customer.token, 'POST', '/api/v1/views', { name: '我的' })).statusCode).toBe(403);
    const key = (await t.api(acme.adminToken, 'POST', '/api/v1/api-keys', { name: '集成', role: 'admin' })).json().key;
    expect((await t.api(key, 'GET', '/api/v1/views')).statusCode).toBe(403);
    const mine = (await t.api(supervisor.token, 'POST', '/api/v1/views', { name: '本租户共享', shared: true })).json();
    const other = await t.tenant('别的租户');
    expect((await t.api(other.adminToken, 'GET', '/api/v1/views')).json().items).toEqual([]);
    expect((await t.api(other.adminToken, 'GET', `/api/v1/views/${mine.id}`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'DELETE', `/api/v1/views/${mine.id}`)).statusCode).toBe(404);
  });
});
