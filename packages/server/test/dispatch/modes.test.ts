import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleDispatchMessages } from '../../src/modules/dispatch/assignment/handle-messages';
import { dispatchOf, dispatchWorld, eventKinds, liveAssignments, person, policy, rule, team, ticket, type DispatchWorld } from './helpers';

// Each mode assigns as its policy says, never against a hard rule, and says why.
describe('dispatch modes', () => {
  let w: DispatchWorld;
  beforeAll(async () => {
    w = await dispatchWorld('派单方式');
  });
  afterAll(async () => w?.close());

  it('manual (no policy): the ticket waits as 待派单 with recommendations', async () => {
    const tk = await ticket(w, { site: { lat: 31.2, lng: 121.4, address: '上海市徐汇区漕溪北路 1 号' } });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toBeNull();
    expect(d.queued).toMatchObject({ reason: 'manual' });
    expect(d.need).toMatchObject({ kind: 'field', mode: 'manual', location: { lat: 31.2, lng: 121.4 }, address: '上海市徐汇区漕溪北路 1 号' });
    // waiting for a dispatcher is not news on the timeline
    expect(await eventKinds(w, tk.id)).not.toContain('dispatch.queued');
    const ticketView = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}`)).json();
    expect(ticketView.site).toEqual({ lat: 31.2, lng: 121.4, address: '上海市徐汇区漕溪北路 1 号' });
  });

  it('scored: the nearest qualified engineer; the under-qualified one is excluded by the level rule', async () => {
    const lifts = await team(w, '电梯组');
    const near = await person(w, '张师傅', { teamIds: [lifts], skills: { 电梯维修: 4 }, home: [31.21, 121.41] });
    const far = await person(w, '李师傅', { teamIds: [lifts], skills: { 电梯维修: 5 }, home: [31.9, 121.9] });
    const junior = await person(w, '王学徒', { teamIds: [lifts], skills: { 电梯维修: 2 }, home: [31.2, 121.4] });
    await policy(w, { scope: 'team', scopeId: lifts, mode: 'scored' });
    await rule(w, '电梯需三级', { priorities: ['urgent'] }, { skill: '电梯维修', level: 3 });
    const tk = await ticket(w, { teamId: lifts, priority: 'urgent', site: { lat: 31.2, lng: 121.4 } });
    await w.settle();
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: near.id, userName: '张师傅', mode: 'scored', state: 'accepted', kind: 'field' });
    expect(d.current.decision.candidates.map((c: { userId: string }) => c.userId)).toEqual([near.id, far.id]);
    expect(d.current.decision.candidates[0].terms.length).toBeGreaterThan(0);
    expect(d.current.decision.excluded).toEqual([expect.objectContaining({ userId: junior.id, reasons: [expect.objectContaining({ rule: 'level' })] })]);
    const view = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}`)).json();
    expect(view.assigneeId).toBe(near.id);
    expect(await eventKinds(w, tk.id)).toEqual(expect.arrayContaining(['ticket.created', 'ticket.updated', 'dispatch.offered']));
  });

  it('round robin, least loaded and skills among the eligible', async () => {
    const desk = await team(w, '热线组');
    const a = await person(w, '坐席甲', { role: 'agent', teamIds: [desk], skills: { 账单: 2 } });
    const b = await person(w, '坐席乙', { role: 'agent', teamIds: [desk], skills: { 账单: 4 } });
    await policy(w, { scope: 'team', scopeId: desk, mode: 'round_robin' });
    const t1 = await ticket(w, { teamId: desk });
    const t2 = await ticket(w, { teamId: desk });
    await w.settle();
    const who = async (id: string) => (await dispatchOf(w, id)).current?.userId;
    expect(new Set([await who(t1.id), await who(t2.id)])).toEqual(new Set([a.id, b.id]));

    await w.sql(`UPDATE dispatch_policies SET mode = 'least_loaded' WHERE scope_id = $1`, [desk]);
    await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${t1.id}`, { status: 'closed' });
    const resolvedHolder = await who(t2.id) === a.id ? b.id : a.id;
    await w.settle();
    const t3 = await ticket(w, { teamId: desk });
    await w.settle();
    // the one whose ticket was resolved holds nothing now
    expect(await who(t3.id)).toBe(resolvedHolder);

    await w.sql(`UPDATE dispatch_policies SET mode = 'skills' WHERE scope_id = $1`, [desk]);
    await rule(w, '账单问题', { channels: ['phone'] }, { skill: '账单' }, -1);
    const t4 = await ticket(w, { teamId: desk, channel: 'phone' });
    await w.settle();
    expect(await who(t4.id)).toBe(b.id);
  });

  it('a redelivered ticket.created does nothing for a ticket already assigned or queued', async () => {
    const before = await liveAssignments(w);
    const queued = await w.sql('SELECT ticket_id FROM dispatch_queue');
    const events = await w.sql<{ id: string; tenant_id: string; kind: string; ticket_id: string; created_at: Date }>(`SELECT id, tenant_id, kind, ticket_id, created_at FROM ticket_events WHERE kind = 'ticket.created'`);
    await handleDispatchMessages(
      w.t.deps,
      events.map((e, i) => ({ id: i, tenantId: w.acme.id, eventId: e.id, topic: 'ticket.created', payload: { ticketId: e.ticket_id, actor: { type: 'user' }, data: {} }, createdAt: e.created_at, attempts: 0 })),
    );
    expect(await liveAssignments(w)).toEqual(before);
    expect(await w.sql('SELECT ticket_id FROM dispatch_queue')).toEqual(queued);
  });
});
