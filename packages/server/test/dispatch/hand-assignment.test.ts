import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../collaboration/helpers';
import { dispatchOf, dispatchWorld, liveAssignments, person, policy, rule, team, ticket, type DispatchWorld } from './helpers';

// 处理人 set by hand on the ticket itself (PATCH, bulk, creation) is a dispatch decision: the hard rules
// hold, a supervisor's override needs a reason and is recorded, the capacity counts at once.
describe('a ticket given to a person by hand through the ticket', () => {
  let w: DispatchWorld;
  let g: string;
  let agent: { id: string; token: string };
  let supervisor: { id: string; token: string };
  let certified: { id: string };
  let uncertified: { id: string };
  let outsider: { id: string };
  beforeAll(async () => {
    w = await dispatchWorld('手动指派');
    g = await team(w, '电梯维保组');
    const other = await team(w, '空调组');
    agent = await createStaff(w.t, w.acme.adminToken, '坐席张伟', 'agent', { teamIds: [g] });
    supervisor = await createStaff(w.t, w.acme.adminToken, '主管陈志强', 'supervisor', { teamIds: [g] });
    certified = await person(w, '持证林涛', { teamIds: [g], skills: { 困人救援: 5 }, certifications: [{ name: '特种设备作业证', expires: '2099-12-31' }], capacity: { field: 1 } });
    uncertified = await person(w, '无证吴磊', { teamIds: [g], skills: { 困人救援: 5 } });
    outsider = await person(w, '空调郑浩', { teamIds: [other], skills: { 困人救援: 5 }, certifications: [{ name: '特种设备作业证', expires: '2099-12-31' }] });
    await policy(w, { scope: 'tenant', mode: 'manual' });
    await rule(w, '困人须持证', {}, { skill: '困人救援', level: 4, certification: '特种设备作业证', onSite: true });
  });
  afterAll(async () => w?.close());

  const site = { lat: 31.23, lng: 121.47, address: '上海市黄浦区中山东一路 1 号' };
  const patch = (token: string, id: string, body: Record<string, unknown>) => w.t.api(token, 'PATCH', `/api/v1/tickets/${id}`, body);

  it('an agent cannot give it to someone a rule excludes: 409 naming the rules, nothing changes', async () => {
    const tk = await ticket(w, { teamId: g, site, priority: 'urgent' });
    await w.settle();
    const res = await patch(agent.token, tk.id, { assigneeId: uncertified.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'DISPATCH_RULE_VIOLATION', field: 'assigneeId' });
    expect(res.json().error.message).toContain('特种设备作业证');
    expect(res.json().error.message).not.toContain('override');
    expect((await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${tk.id}`)).json().assigneeId).toBeNull();
    // nor someone of another team
    expect((await patch(agent.token, tk.id, { assigneeId: outsider.id })).statusCode).toBe(409);
  });

  it('an eligible person is recorded as a manual assignment at once; the next one over their capacity is refused', async () => {
    const tk = await ticket(w, { teamId: g, site, priority: 'urgent' });
    const res = await patch(agent.token, tk.id, { assigneeId: certified.id });
    expect(res.statusCode).toBe(200);
    // recorded in the same transaction, before any consumer ran
    expect((await dispatchOf(w, tk.id)).current).toMatchObject({ userId: certified.id, mode: 'manual', state: 'accepted', kind: 'field' });
    await w.settle();
    expect((await liveAssignments(w)).filter((l) => l.ticket_id === tk.id)).toHaveLength(1);
    const second = await ticket(w, { teamId: g, site, priority: 'high' });
    const full = await patch(agent.token, second.id, { assigneeId: certified.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.details.map((d: { value: string }) => d.value)).toContain('capacity');
  });

  it('a supervisor overrides with a reason (强制派单 recorded), not without one', async () => {
    const tk = await ticket(w, { teamId: g, site, priority: 'urgent' });
    const bare = await patch(supervisor.token, tk.id, { assigneeId: uncertified.id });
    expect(bare.statusCode).toBe(409);
    expect(bare.json().error.message).toContain('transferReason');
    const res = await patch(supervisor.token, tk.id, { assigneeId: uncertified.id, transferReason: '持证人员都在外地，先派吴磊到场安抚' });
    expect(res.statusCode).toBe(200);
    const d = await dispatchOf(w, tk.id);
    expect(d.current).toMatchObject({ userId: uncertified.id, mode: 'override', overrideReason: '持证人员都在外地，先派吴磊到场安抚', decidedBy: supervisor.id });
  });

  it('bulk reports the refused tickets and changes the others; creation with a refused person is refused', async () => {
    const a = await ticket(w, { teamId: g, priority: 'normal' });
    const b = await ticket(w, { teamId: g, site, priority: 'normal' });
    await w.sql('UPDATE dispatch_profiles SET capacity = $2 WHERE user_id = $1', [uncertified.id, JSON.stringify({ ticket: 8, field: 8 })]);
    const res = await w.t.api(agent.token, 'POST', '/api/v1/tickets/bulk', { ids: [a.id, b.id], changes: { assigneeId: uncertified.id } });
    expect(res.statusCode).toBe(200);
    // a: no site, the rule (上门) still applies — refused; b: refused
    expect(res.json().failed.map((f: { error: { code: string } }) => f.error.code)).toEqual(['DISPATCH_RULE_VIOLATION', 'DISPATCH_RULE_VIOLATION']);
    const created = await w.t.api(agent.token, 'POST', '/api/v1/tickets', { title: '电梯困人', description: '三楼', requester: { email: 'kehu-hand@example.cn' }, teamId: g, site, assigneeId: uncertified.id });
    expect(created.statusCode).toBe(409);
    expect(created.json().error.code).toBe('DISPATCH_RULE_VIOLATION');
  });

  it('moving a job someone holds to another team tells them, with the reason', async () => {
    const g2 = await team(w, '电梯二组');
    const holder = await person(w, '接单钱师傅', { teamIds: [g], skills: { 困人救援: 5 }, certifications: [{ name: '特种设备作业证', expires: '2099-12-31' }], capacity: { field: 5 } });
    const tk = await ticket(w, { teamId: g, site, priority: 'normal' });
    expect((await patch(agent.token, tk.id, { assigneeId: holder.id })).statusCode).toBe(200);
    expect((await patch(agent.token, tk.id, { teamId: g2, transferReason: '该小区归二组负责' })).statusCode).toBe(200);
    await w.settle();
    const notes = (await w.t.api(holder.token, 'GET', '/api/v1/notifications')).json().items as { kind: string; ticketId: string; data: Record<string, unknown> }[];
    expect(notes.find((n) => n.kind === 'unassigned' && n.ticketId === tk.id)?.data).toMatchObject({ reason: '该小区归二组负责', team: '电梯二组', by: '坐席张伟' });
  });

  it('what the engine does after a person\'s step (their resolve frees capacity) is credited to the system, not to them', async () => {
    const g3 = await team(w, '电梯三组');
    const solo = await person(w, '单人周师傅', { teamIds: [g3], skills: { 困人救援: 5 }, certifications: [{ name: '特种设备作业证', expires: '2099-12-31' }], capacity: { field: 1 } });
    await policy(w, { scope: 'team', scopeId: g3, mode: 'scored' });
    const first = await ticket(w, { teamId: g3, site, priority: 'normal' });
    await w.settle();
    expect((await dispatchOf(w, first.id)).current).toMatchObject({ userId: solo.id });
    const waiting = await ticket(w, { teamId: g3, site, priority: 'normal' });
    await w.settle();
    expect((await dispatchOf(w, waiting.id)).queued).toBeTruthy();
    const categoryId = (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '困人救援' })).json().id;
    const resolved = await patch(w.acme.adminToken, first.id, { categoryId, status: 'resolved', resolution: '已放出被困乘客，电梯恢复运行' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    await w.settle();
    const d = await dispatchOf(w, waiting.id);
    expect(d.current).toMatchObject({ userId: solo.id, decidedBy: null });
    const notes = (await w.t.api(solo.token, 'GET', '/api/v1/notifications')).json().items as { kind: string; ticketId: string; data: { by?: string } }[];
    expect(notes.find((n) => n.kind === 'assigned' && n.ticketId === waiting.id)?.data.by).toBe('dispatch');
  });

  it('a tenant that does not dispatch (no policy) assigns by hand as before', async () => {
    const v = await dispatchWorld('不派单的租户');
    try {
      const someone = await person(v, '随便谁', { skills: {} });
      const tk = await ticket(v);
      expect((await v.t.api(v.acme.adminToken, 'PATCH', `/api/v1/tickets/${tk.id}`, { assigneeId: someone.id })).statusCode).toBe(200);
    } finally {
      await v.close();
    }
  });
});
