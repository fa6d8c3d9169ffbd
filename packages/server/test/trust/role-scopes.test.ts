import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// Role scopes are checked in the use cases: own / team / all for staff, own tickets for customers.
describe('role scopes', () => {
  let t: TestApp;
  let acme: TestTenant;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const tickets: Record<string, { id: string; requesterId: string }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('角色测试');
    const admin = acme.adminToken;
    const team = (await t.api(admin, 'POST', '/api/v1/teams', { name: '网络运维组' })).json();
    const other = (await t.api(admin, 'POST', '/api/v1/teams', { name: '硬件维修组' })).json();
    const mk = async (key: string, body: Record<string, unknown>) => {
      const res = await t.api(admin, 'POST', '/api/v1/users', { password: PASSWORD, ...body });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
      tokens[key] = await t.login(body.email as string, PASSWORD);
    };
    await mk('own', { email: 'own@acme.cn', name: '坐席小王', role: 'agent', scope: 'own' });
    await mk('team', { email: 'team@acme.cn', name: '坐席小李', role: 'agent', scope: 'team', teamIds: [team.id] });
    await mk('sup', { email: 'sup@acme.cn', name: '主管老张', role: 'supervisor', scope: 'own' });
    const create = async (key: string, body: Record<string, unknown>) => {
      tickets[key] = (await t.api(admin, 'POST', '/api/v1/tickets', { description: '描述', ...body })).json();
    };
    await create('mine', { title: '分给小王的', requester: { email: 'c1@cust.cn' }, assigneeId: ids.own });
    await create('teams', { title: '网络组的', requester: { email: 'c2@cust.cn' }, teamId: team.id });
    await create('other', { title: '硬件组的', requester: { email: 'c1@cust.cn' }, teamId: other.id });
    await mk('customer', { email: 'c1@cust.cn', name: '客户陈先生', role: 'customer', contactId: tickets.mine.requesterId });
    await t.api(admin, 'POST', `/api/v1/tickets/${tickets.mine.id}/comments`, { body: '内部：客户很难缠', internal: true });
    await t.api(admin, 'POST', `/api/v1/tickets/${tickets.mine.id}/comments`, { body: '您好，我们正在处理' });
  });
  afterAll(() => t.close());

  const titles = async (token: string) => (await t.api(token, 'GET', '/api/v1/tickets?sort=created_at')).json().items.map((x: { title: string }) => x.title);

  it('an agent limited to own tickets sees only those assigned to them', async () => {
    expect(await titles(tokens.own)).toEqual(['分给小王的']);
    expect((await t.api(tokens.own, 'GET', `/api/v1/tickets/${tickets.teams.id}`)).statusCode).toBe(404);
    expect((await t.api(tokens.own, 'PATCH', `/api/v1/tickets/${tickets.teams.id}`, { priority: 'high' })).statusCode).toBe(404);
    expect((await t.api(tokens.own, 'GET', '/api/v1/tickets/count')).json().count).toBe(1);
  });

  it("a team-scoped agent sees the team's tickets, and a supervisor sees all", async () => {
    expect(await titles(tokens.team)).toEqual(['网络组的']);
    expect(await titles(tokens.sup)).toEqual(['分给小王的', '网络组的', '硬件组的']);
  });

  it('a customer sees only their own tickets and never an internal note', async () => {
    expect(await titles(tokens.customer)).toEqual(['分给小王的', '硬件组的']);
    expect((await t.api(tokens.customer, 'GET', `/api/v1/tickets/${tickets.teams.id}`)).statusCode).toBe(404);
    const events = (await t.api(tokens.customer, 'GET', `/api/v1/tickets/${tickets.mine.id}/events`)).json().items;
    expect(JSON.stringify(events)).not.toContain('客户很难缠');
    expect(events.map((e: { kind: string }) => e.kind)).toContain('reply.added');
    const staffView = (await t.api(tokens.own, 'GET', `/api/v1/tickets/${tickets.mine.id}/events`)).json().items;
    expect(JSON.stringify(staffView)).toContain('客户很难缠');
  });

  it('a customer cannot write internal notes, change fields or create users', async () => {
    expect((await t.api(tokens.customer, 'POST', `/api/v1/tickets/${tickets.mine.id}/comments`, { body: '偷偷', internal: true })).statusCode).toBe(403);
    expect((await t.api(tokens.customer, 'PATCH', `/api/v1/tickets/${tickets.mine.id}`, { priority: 'urgent' })).statusCode).toBe(403);
    expect((await t.api(tokens.customer, 'POST', '/api/v1/users', { email: 'x@x.cn', name: 'x', role: 'admin' })).statusCode).toBe(403);
    const own = await t.api(tokens.customer, 'POST', '/api/v1/tickets', { title: '客户自己提交', description: '门禁卡失效' });
    expect(own.statusCode).toBe(201);
    expect(own.json()).toMatchObject({ requesterId: tickets.mine.requesterId, channel: 'portal' });
    const reply = await t.api(tokens.customer, 'POST', `/api/v1/tickets/${tickets.mine.id}/comments`, { body: '谢谢，还是不行' });
    expect(reply.statusCode).toBe(201);
  });

  it('agents cannot administer users or API keys', async () => {
    expect((await t.api(tokens.team, 'POST', '/api/v1/users', { email: 'y@y.cn', name: 'y', role: 'agent' })).statusCode).toBe(403);
    expect((await t.api(tokens.team, 'POST', '/api/v1/api-keys', { name: 'k' })).statusCode).toBe(403);
  });
});
