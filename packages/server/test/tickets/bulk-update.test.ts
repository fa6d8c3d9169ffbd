import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createStaff, createTicket } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// POST /tickets/bulk: one change for many tickets, each checked and recorded like a single update.
describe('bulk ticket actions', () => {
  let t: TestApp;
  let acme: TestTenant;
  let teamId: string;
  let engineer: { id: string; token: string };
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('批量操作测试');
    teamId = (await t.api(acme.adminToken, 'POST', '/api/v1/teams', { name: '桌面运维组' })).json().id;
    engineer = await createStaff(t, acme.adminToken, '工程师老刘', 'engineer');
  });
  afterAll(() => t.close());

  const bulk = (token: string, body: unknown) => t.api(token, 'POST', '/api/v1/tickets/bulk', body);
  const events = async (id: string) => (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${id}/events`)).json().items as { kind: string; data: any }[];

  it('changes every ticket, each with its own timeline event and transfer reason', async () => {
    const a = await createTicket(t, acme.adminToken, { title: '笔记本无法开机', requester: { email: 'a@kehu.cn' } });
    const b = await createTicket(t, acme.adminToken, { title: '显示器闪烁', requester: { email: 'b@kehu.cn' }, tags: ['硬件'] });
    const res = await bulk(acme.adminToken, {
      ids: [a.id, b.id, a.id],
      changes: { status: 'open', priority: 'high', teamId, assigneeId: engineer.id, addTags: ['批量处理'], transferReason: '统一交给桌面运维' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: [a.id, b.id], failed: [] });
    const tb = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${b.id}`)).json();
    expect(tb).toMatchObject({ status: 'open', priority: 'high', teamId, assigneeId: engineer.id, tags: ['硬件', '批量处理'] });
    for (const id of [a.id, b.id]) {
      const updates = (await events(id)).filter((e) => e.kind === 'ticket.updated');
      expect(updates).toHaveLength(1);
      expect(updates[0].data).toMatchObject({ reason: '统一交给桌面运维', changes: { status: { from: 'new', to: 'open' }, assigneeId: { to: engineer.id } } });
    }
    // the assignee is told, once per ticket
    const notes = (await t.api(engineer.token, 'GET', '/api/v1/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'assigned');
    expect(notes.map((n: { ticketId: string }) => n.ticketId).sort()).toEqual([a.id, b.id].sort());
  });

  it('reports a ticket that breaks a rule, or is not there, and still applies the others', async () => {
    const ok = await createTicket(t, acme.adminToken, { title: '邮箱收不到邮件', requester: { email: 'c@kehu.cn' } });
    const closed = await createTicket(t, acme.adminToken, { title: '已关闭的工单', requester: { email: 'd@kehu.cn' } });
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${closed.id}`, { status: 'closed' })).statusCode).toBe(200);
    const missing = '01900000-0000-7000-8000-000000000000';
    const res = (await bulk(acme.adminToken, { ids: [ok.id, closed.id, missing], changes: { status: 'pending' } })).json();
    expect(res.updated).toEqual([ok.id]);
    expect(res.failed).toEqual([
      { id: closed.id, error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('closed') } },
      { id: missing, error: { code: 'NOT_FOUND', message: 'Ticket not found' } },
    ]);
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${closed.id}`)).json().status).toBe('closed');
    expect((await events(closed.id)).filter((e) => e.kind === 'ticket.updated')).toHaveLength(1); // only the close
    // a reference that does not exist fails each ticket alike
    const bad = (await bulk(acme.adminToken, { ids: [ok.id], changes: { categoryId: missing } })).json();
    expect(bad).toMatchObject({ updated: [], failed: [{ id: ok.id, error: { code: 'NOT_FOUND' } }] });
  });

  it('keeps role scopes: an agent limited to own tickets cannot touch others, a customer cannot bulk at all', async () => {
    const own = await createStaff(t, acme.adminToken, '坐席小林', 'agent', { scope: 'own' });
    const mine = await createTicket(t, acme.adminToken, { title: '分给小林的', requester: { email: 'e@kehu.cn' }, assigneeId: own.id });
    const notMine = await createTicket(t, acme.adminToken, { title: '不是小林的', requester: { email: 'f@kehu.cn' } });
    const res = (await bulk(own.token, { ids: [mine.id, notMine.id], changes: { priority: 'urgent' } })).json();
    expect(res).toEqual({ updated: [mine.id], failed: [{ id: notMine.id, error: { code: 'NOT_FOUND', message: 'Ticket not found' } }] });
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${notMine.id}`)).json().priority).not.toBe('urgent');
    const customer = await createCustomer(t, acme.adminToken, '客户吴女士');
    const refused = await bulk(customer.token, { ids: [customer.ticket.id], changes: { status: 'closed' } });
    expect(refused.statusCode).toBe(403);
  });

  it('validates the request', async () => {
    const id = (await createTicket(t, acme.adminToken, { title: '校验', requester: { email: 'g@kehu.cn' } })).id;
    const tooMany = Array.from({ length: 501 }, () => id);
    const cases: [unknown, string][] = [
      [{ ids: tooMany, changes: { priority: 'low' } }, 'ids'],
      [{ ids: [], changes: { priority: 'low' } }, 'ids'],
      [{ ids: [id], changes: {} }, 'changes'],
      [{ ids: [id], changes: { transferReason: '只有原因' } }, 'changes'],
      // a resolution note goes with a change (已解决), never alone, and is at most 5000 characters
      [{ ids: [id], changes: { resolution: '只有解决说明' } }, 'changes'],
      [{ ids: [id], changes: { status: 'resolved', resolution: '长'.repeat(5001) } }, 'changes.resolution'],
      [{ ids: [id], changes: { title: '不能批量改标题' } }, 'changes'],
      [{ ids: ['不是编号'], changes: { priority: 'low' } }, 'ids.0'],
      [{ ids: [id], changes: { priority: 'low' }, extra: 1 }, 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await bulk(acme.adminToken, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      if (field !== 'body') expect(res.json().error.field).toContain(field.split('.')[0]);
    }
  });
});
