import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';
import { createCustomer, createStaff, createTicket } from './helpers';

type Link = { id: string; number: number; title: string; status: string; kind: string; direction: string };

describe('linked tickets and sub-tasks', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('北京地铁运维');
    other = await t.tenant('上海供水集团');
  });
  afterAll(() => t.close());

  const links = async (token: string, id: string) => (await t.api(token, 'GET', `/api/v1/tickets/${id}/links`)).json().items as Link[];

  it('links tickets and shows each link from both ends', async () => {
    const original = await createTicket(t, acme.adminToken, { title: '5号线闸机无法刷卡', requester: { email: 'a@example.cn' } });
    const dup = await createTicket(t, acme.adminToken, { title: '5号线东单站闸机刷卡失败', requester: { email: 'b@example.cn' } });
    const cause = await createTicket(t, acme.adminToken, { title: '东单站机房断电', requester: { email: 'c@example.cn' } });

    const added = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${dup.id}/links`, { targetId: original.id, kind: 'duplicate_of' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ id: original.id, number: original.number, title: '5号线闸机无法刷卡', status: 'new', kind: 'duplicate_of', direction: 'outgoing' });
    expect((await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${original.id}/links`, { targetId: cause.id, kind: 'caused_by' })).statusCode).toBe(201);
    expect((await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${cause.id}/links`, { targetId: dup.id, kind: 'related' })).statusCode).toBe(201);

    expect((await links(acme.adminToken, original.id)).map((l) => [l.number, l.kind, l.direction])).toEqual([
      [dup.number, 'duplicated_by', 'incoming'],
      [cause.number, 'caused_by', 'outgoing'],
    ]);
    expect((await links(acme.adminToken, cause.id)).map((l) => [l.title, l.kind, l.direction])).toEqual([
      ['5号线闸机无法刷卡', 'caused', 'incoming'],
      ['5号线东单站闸机刷卡失败', 'related', 'outgoing'],
    ]);
    expect((await links(acme.adminToken, dup.id)).map((l) => [l.id, l.kind])).toEqual([
      [original.id, 'duplicate_of'],
      [cause.id, 'related'],
    ]);

    // both timelines record the link
    const kinds = async (id: string) => ((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${id}/events`)).json().items as { kind: string; data: Record<string, unknown> }[]).filter((e) => e.kind.startsWith('link.'));
    expect((await kinds(dup.id))[0]).toMatchObject({ kind: 'link.added', data: { ticketId: original.id, kind: 'duplicate_of', direction: 'outgoing' } });
    expect((await kinds(original.id))[0]).toMatchObject({ kind: 'link.added', data: { ticketId: dup.id, kind: 'duplicated_by', direction: 'incoming' } });

    // status shown is the other ticket's current one
    const done = { resolution: '已修复', categoryId: (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '关联' })).json().id, assigneeId: (await t.api(acme.adminToken, 'GET', '/api/v1/auth/me')).json().id };
    await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${original.id}`, { status: 'resolved', ...done });
    expect((await links(acme.adminToken, dup.id))[0].status).toBe('resolved');

    // removing from the other end, by the name it has there
    const removed = await t.api(acme.adminToken, 'DELETE', `/api/v1/tickets/${original.id}/links/${dup.id}?kind=duplicated_by`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().items.map((l: Link) => l.id)).toEqual([cause.id]);
    expect((await links(acme.adminToken, dup.id)).map((l) => l.kind)).toEqual(['related']);
    expect((await kinds(dup.id)).map((e) => e.kind)).toEqual(['link.added', 'link.added', 'link.removed']);
    expect((await kinds(dup.id)).at(-1)!.data).toMatchObject({ ticketId: original.id, kind: 'duplicate_of', direction: 'outgoing' });
    // related removed from either end, without a kind
    expect((await t.api(acme.adminToken, 'DELETE', `/api/v1/tickets/${dup.id}/links/${cause.id}`)).json().items).toEqual([]);
    expect((await links(acme.adminToken, cause.id)).map((l) => l.kind)).toEqual(['caused']);
  });

  it('refuses self links, duplicates, unknown kinds and tickets out of sight', async () => {
    const a = await createTicket(t, acme.adminToken, { title: '隧道照明故障', requester: { email: 'd@example.cn' } });
    const b = await createTicket(t, acme.adminToken, { title: '隧道通风故障', requester: { email: 'e@example.cn' } });
    const self = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${a.id}/links`, { targetId: a.id, kind: 'related' });
    expect(self.statusCode).toBe(400);
    expect(self.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'targetId' });
    expect((await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${a.id}/links`, { targetId: b.id, kind: 'related' })).statusCode).toBe(201);
    const twice = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${a.id}/links`, { targetId: b.id, kind: 'related' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('CONFLICT');
    // related is symmetric: the other end already has it
    expect((await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${b.id}/links`, { targetId: a.id, kind: 'related' })).statusCode).toBe(409);
    // another kind between the same tickets is fine
    expect((await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${b.id}/links`, { targetId: a.id, kind: 'caused_by' })).statusCode).toBe(201);
    const badKind = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${a.id}/links`, { targetId: b.id, kind: 'blocks' });
    expect(badKind.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'kind' });
    const extra = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${a.id}/links`, { targetId: b.id, kind: 'related', note: '备注' });
    expect(extra.json().error.details).toContainEqual(expect.objectContaining({ field: 'note', code: 'unknown_field' }));
    const nothing = await t.api(acme.adminToken, 'DELETE', `/api/v1/tickets/${a.id}/links/${b.id}?kind=duplicate_of`);
    expect(nothing.statusCode).toBe(404);
    const missing = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${a.id}/links`, { targetId: '00000000-0000-4000-8000-000000000000', kind: 'related' });
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', field: 'targetId' });

    // a ticket of another tenant: not found, from either side
    const foreign = await createTicket(t, other.adminToken, { title: '水管爆裂', requester: { email: 'f@example.cn' } });
    const cross = await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${a.id}/links`, { targetId: foreign.id, kind: 'related' });
    expect(cross.statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'GET', `/api/v1/tickets/${a.id}/links`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'GET', `/api/v1/tickets/${a.id}/subtasks`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'GET', `/api/v1/tickets/${a.id}/watchers`)).statusCode).toBe(404);
    expect((await t.api(other.adminToken, 'POST', `/api/v1/tickets/${foreign.id}/links`, { targetId: a.id, kind: 'related' })).json().error).toMatchObject({ code: 'NOT_FOUND', field: 'targetId' });

    // staff limited to their own tickets cannot link to one they cannot see
    const own = await createStaff(t, acme.adminToken, '吴工', 'engineer', { scope: 'own' });
    const mine = await createTicket(t, acme.adminToken, { title: '站台屏蔽门报警', requester: { email: 'g@example.cn' }, assigneeId: own.id });
    expect((await t.api(own.token, 'POST', `/api/v1/tickets/${mine.id}/links`, { targetId: a.id, kind: 'related' })).json().error).toMatchObject({ code: 'NOT_FOUND', field: 'targetId' });
    expect((await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${mine.id}/links`, { targetId: a.id, kind: 'related' })).statusCode).toBe(201);
    expect(await links(own.token, mine.id)).toEqual([]);

    // customers see links among their own tickets only, and cannot link
    const customer = await createCustomer(t, acme.adminToken, '郑先生');
    expect((await t.api(acme.adminToken, 'POST', `/api/v1/tickets/${customer.ticket.id}/links`, { targetId: a.id, kind: 'related' })).statusCode).toBe(201);
    expect(await links(customer.token, customer.ticket.id)).toEqual([]);
    expect((await t.api(customer.token, 'POST', `/api/v1/tickets/${customer.ticket.id}/links`, { targetId: a.id, kind: 'related' })).statusCode).toBe(403);
    expect((await t.api(customer.token, 'GET', `/api/v1/tickets/${a.id}/links`)).statusCode).toBe(404);
  });

  it('lists sub-tasks with progress that follows their status', async () => {
    const team = (await t.api(acme.adminToken, 'POST', '/api/v1/teams', { name: '机电班组' })).json();
    const fitter = await createStaff(t, acme.adminToken, '钱师傅', 'engineer');
    const parent = await createTicket(t, acme.adminToken, { title: '换乘站自动扶梯大修', requester: { email: 'h@example.cn' } });
    const c1 = await createTicket(t, acme.adminToken, { title: '拆除旧梯级', requester: { email: 'h@example.cn' }, parentId: parent.id, assigneeId: fitter.id, teamId: team.id });
    const c2 = await createTicket(t, acme.adminToken, { title: '安装新驱动主机', requester: { email: 'h@example.cn' }, parentId: parent.id });
    const url = `/api/v1/tickets/${parent.id}/subtasks`;
    const before = (await t.api(acme.adminToken, 'GET', url)).json();
    expect(before).toMatchObject({ total: 2, done: 0 });
    expect(before.items).toEqual([
      { id: c1.id, number: c1.number, title: '拆除旧梯级', status: 'new', priority: 'normal', assigneeId: fitter.id, assigneeName: '钱师傅', teamId: team.id, teamName: '机电班组' },
      { id: c2.id, number: c2.number, title: '安装新驱动主机', status: 'new', priority: 'normal', assigneeId: null, assigneeName: null, teamId: null, teamName: null },
    ]);
    const categoryId = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '自动扶梯' })).json().id;
    expect((await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${c1.id}`, { status: 'resolved', resolution: '旧梯级已拆除', categoryId })).statusCode).toBe(200);
    const after = (await t.api(acme.adminToken, 'GET', url)).json();
    expect(after).toMatchObject({ total: 2, done: 1 });
    expect(after.items[0].status).toBe('resolved');
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${parent.id}`)).json().subtasks).toEqual({ total: 2, done: 1 });
    expect((await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${c2.id}/subtasks`)).json()).toEqual({ items: [], total: 0, done: 0 });
    expect((await t.api(acme.adminToken, 'GET', '/api/v1/tickets/00000000-0000-4000-8000-000000000000/subtasks')).statusCode).toBe(404);
  });
});
