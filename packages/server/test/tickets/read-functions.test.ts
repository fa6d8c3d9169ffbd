import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentText, openTicketsOfRequester, publicComments, publicFiles, recordTicketEvents, ticketHeadlines, ticketIdByNumber, ticketSummary } from '../../src/modules/tickets';
import { systemActor } from '../../src/modules/identity';
import { createStaff, createTicket, PDF, PNG, upload } from '../collaboration/helpers';
import { startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// The read functions and the event recorder the tickets module exports for other modules (the intake
// channels): what they return, under the tenant of the transaction only.
describe('tickets read functions', () => {
  let t: TestApp;
  let acme: TestTenant;
  let other: TestTenant;
  beforeAll(async () => {
    t = await startTestApp();
    acme = await t.tenant('工单读取');
    other = await t.tenant('别的租户');
  });
  afterAll(() => t.close());

  it('summarises a ticket, finds it by number, gives headlines in one go, and sees nothing of another tenant', async () => {
    const a = await createTicket(t, acme.adminToken, { title: '电梯困人', description: '<p>三号楼电梯停在两层之间</p>', requester: { name: '赵敏', phone: '13800001111' } });
    const b = await createTicket(t, acme.adminToken, { title: '门禁失灵', requester: { phone: '13800001111' } });
    const resolved = await createTicket(t, acme.adminToken, { title: '空调滴水', requester: { phone: '13800001111' } });
    const category = (await t.api(acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '空调' })).json().id;
    const agent = await createStaff(t, acme.adminToken, '维修员', 'agent');
    const done = await t.api(acme.adminToken, 'PATCH', `/api/v1/tickets/${resolved.id}`, { status: 'resolved', resolution: '已更换排水管', categoryId: category, assigneeId: agent.id });
    expect(done.statusCode, done.body).toBe(200);
    const foreign = await createTicket(t, other.adminToken, { title: '别人的工单', requester: { email: 'x@other.example.cn' } });

    await t.db.tenant(acme.id, async (q) => {
      const s = await ticketSummary(q, a.id);
      expect(s).toMatchObject({ id: a.id, number: a.number, title: '电梯困人', status: 'new', channel: 'api', requesterId: a.requesterId, resolvedAt: null });
      expect(s!.description).toContain('两层之间');
      expect(s!.createdAt).toBeInstanceOf(Date);
      expect((await ticketSummary(q, resolved.id))!.resolvedAt).toBeInstanceOf(Date);
      expect(await ticketSummary(q, foreign.id)).toBeUndefined();

      expect(await ticketIdByNumber(q, b.number)).toBe(b.id);
      expect(await ticketIdByNumber(q, b.number + 1000)).toBeUndefined();

      const heads = await ticketHeadlines(q, [a.id, b.id, a.id, foreign.id]);
      expect([...heads.keys()].sort()).toEqual([a.id, b.id].sort());
      expect(heads.get(b.id)).toEqual({ id: b.id, number: b.number, title: '门禁失灵', status: 'new' });
      expect((await ticketHeadlines(q, [])).size).toBe(0);

      // the requester's unresolved tickets, most recently updated first
      const open = await openTicketsOfRequester(q, a.requesterId, 5);
      expect(open.map((x) => x.id)).toEqual([b.id, a.id]);
      expect(await openTicketsOfRequester(q, a.requesterId, 1)).toHaveLength(1);
    });
  });

  it('gives the public conversation without internal notes, a comment text and the public files among ids', async () => {
    const agent = await createStaff(t, acme.adminToken, '客服小周', 'agent');
    const ticket = await createTicket(t, acme.adminToken, { title: '打印机卡纸', requester: { email: 'dy@example.cn' } });
    const reply = (await t.api(agent.token, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '<p>师傅下午到</p>' })).json();
    await t.api(agent.token, 'POST', `/api/v1/tickets/${ticket.id}/comments`, { body: '内部：可能要换定影器', internal: true });
    const shown = (await upload(t, agent.token, ticket.id, [{ name: 'file', filename: '说明.pdf', contentType: 'application/pdf', value: PDF }])).json();
    const hidden = (await upload(t, agent.token, ticket.id, [{ name: 'internal', value: 'true' }, { name: 'file', filename: '内部.png', contentType: 'image/png', value: PNG }])).json();
    expect(hidden.internal).toBe(true);

    await t.db.tenant(acme.id, async (q) => {
      const comments = await publicComments(q, ticket.id);
      expect(comments.map((c) => [c.authorType, c.authorId, c.bodyText])).toEqual([['user', agent.id, '师傅下午到']]);
      expect(comments[0].bodyHtml).toContain('师傅下午到');
      expect(await commentText(q, reply.id)).toBe('师傅下午到');
      expect(await commentText(q, '00000000-0000-7000-8000-000000000000')).toBe('');
      const files = await publicFiles(q, [shown.id, hidden.id]);
      expect(files).toEqual([{ filename: '说明.pdf', contentType: 'application/pdf', storageKey: expect.any(String) }]);
      expect(await publicFiles(q, [])).toEqual([]);
    });
  });

  it('records events about tickets in the caller transaction and marks the tickets changed', async () => {
    const ticket = await createTicket(t, acme.adminToken, { title: '设备告警', requester: { email: 'sb@example.cn' } });
    const at = new Date(Date.now() + 3600_000);
    await t.db.tenant(acme.id, (q) =>
      recordTicketEvents(q, [{ ticketId: ticket.id, kind: 'alarm.repeated', actor: systemActor(acme.id, '设备 SN-1'), channel: 'iot', at, data: { count: 2 } }], at),
    );
    const events = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}/events`)).json().items;
    expect(events.find((e: any) => e.kind === 'alarm.repeated')).toMatchObject({ channel: 'iot', data: { count: 2 } });
    const after = (await t.api(acme.adminToken, 'GET', `/api/v1/tickets/${ticket.id}`)).json();
    expect(Date.parse(after.updatedAt)).toBe(at.getTime());
    await t.db.tenant(acme.id, (q) => recordTicketEvents(q, [], at)); // nothing to record: no statement
  });
});
