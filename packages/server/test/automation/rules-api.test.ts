import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTicket } from '../collaboration/helpers';
import { automationWorld, type AutomationWorld } from './helpers';

// The rules API (admins write, supervisors read), validation answers, dry run, the run log, and the
// loop guard bounding two rules that would ping-pong.
describe('automation rules API and loop guard', () => {
  let w: AutomationWorld;
  let supervisor: { token: string };
  const MAX = 6;

  beforeAll(async () => {
    w = await automationWorld({ maxPerTicketHour: MAX });
    supervisor = await createStaff(w.t, w.acme.adminToken, '李主管', 'supervisor');
  });
  afterAll(() => w?.close());

  const rule = (o: Record<string, unknown> = {}) => ({
    name: 'VIP 客户加标签',
    kind: 'trigger',
    events: ['ticket.created'],
    conditions: { all: [{ field: 'title', op: 'contains', value: '打印机' }] },
    actions: [{ type: 'add_tags', tags: ['打印机故障'] }, { type: 'add_note', text: '已由规则标记：{{ticket.title}}' }],
    ...o,
  });

  it('lets admins write and supervisors read', async () => {
    const created = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/rules', rule());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'VIP 客户加标签', active: true, builtin: null, kind: 'trigger' });
    expect((await w.t.api(supervisor.token, 'POST', '/api/v1/automation/rules', rule({ name: '另一条' }))).statusCode).toBe(403);
    const list = await w.t.api(supervisor.token, 'GET', '/api/v1/automation/rules?kind=trigger');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.at(-1).name).toBe('VIP 客户加标签');
    const dup = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/rules', rule());
    expect(dup.json().error).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('answers a wrong condition with its path and what to fix', async () => {
    const res = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/rules', rule({ name: '错误规则', conditions: { all: [{ field: 'hours_since.pending', op: 'is', value: 3 }] } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'AUTOMATION_CONDITION_INVALID', field: 'conditions.all.0.op' });
    expect(res.json().error.message).toContain('use one of gte, lte');
    const bad = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/rules', rule({ name: '错误动作', actions: [{ type: 'set_field', field: 'status' }] }));
    expect(bad.json().error).toMatchObject({ code: 'AUTOMATION_ACTION_INVALID', field: 'actions.0.value' });
  });

  it('runs the rule in order, and the run log shows it', async () => {
    const t = await createTicket(w.t, w.acme.adminToken, { title: '三楼打印机卡纸', requester: { name: '王芳', email: 'wf@kehu.cn' } });
    await w.settle();
    const row = (await w.sql<{ tags: string[] }>(`SELECT tags FROM tickets WHERE id = $1`, [t.id]))[0];
    expect(row.tags).toContain('打印机故障');
    const notes = (await w.events(t.id)).filter((e) => e.kind === 'note.added');
    expect(notes[0].data.body).toContain('已由规则标记：三楼打印机卡纸');
    const runs = await w.t.api(supervisor.token, 'GET', `/api/v1/automation/runs?ticketId=${t.id}`);
    expect(runs.json().items.map((r: { ruleName: string; outcome: string }) => `${r.ruleName}:${r.outcome}`).sort()).toEqual(['VIP 客户加标签:applied', '新工单自动回复确认:applied']);
  });

  it('dry run lists the open tickets a rule would match now', async () => {
    await createTicket(w.t, w.acme.adminToken, { title: '打印机没有墨了', requester: { name: '赵六', email: 'zl@kehu.cn' } });
    await createTicket(w.t, w.acme.adminToken, { title: '网络很慢', requester: { name: '赵六', email: 'zl@kehu.cn' } });
    const res = await w.t.api(supervisor.token, 'POST', '/api/v1/automation/dry-run', { rule: rule({ name: '试运行', active: false }) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().matched.map((m: { title: string }) => m.title).sort()).toEqual(['三楼打印机卡纸', '打印机没有墨了']);
    expect(res.json()).toMatchObject({ total: 2, checked: 3 });
  });

  it('reorders a kind’s rules', async () => {
    const ids = (await w.t.api(w.acme.adminToken, 'GET', '/api/v1/automation/rules?kind=time')).json().items.map((r: { id: string }) => r.id);
    const res = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/rules/reorder', { kind: 'time', ids: [...ids].reverse() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((r: { id: string }) => r.id)).toEqual([...ids].reverse());
    const partial = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/rules/reorder', { kind: 'time', ids: ids.slice(1) });
    expect(partial.json().error).toMatchObject({ code: 'AUTOMATION_RULE_INVALID', field: 'ids' });
  });

  it('bounds two rules that would ping-pong, and logs what it dropped', async () => {
    const ping = rule({ name: '乒', events: ['ticket.updated'], conditions: { all: [{ field: 'tags', op: 'contains', value: '乒' }] }, actions: [{ type: 'remove_tags', tags: ['乒'] }, { type: 'add_tags', tags: ['乓'] }] });
    const pong = rule({ name: '乓', events: ['ticket.updated'], conditions: { all: [{ field: 'tags', op: 'contains', value: '乓' }] }, actions: [{ type: 'remove_tags', tags: ['乓'] }, { type: 'add_tags', tags: ['乒'] }] });
    for (const r of [ping, pong]) expect((await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/rules', r)).statusCode).toBe(201);
    const t = await createTicket(w.t, w.acme.adminToken, { title: '循环测试', requester: { name: '王芳', email: 'wf@kehu.cn' } });
    await w.settle();
    const before = (await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM automation_runs WHERE ticket_id = $1 AND outcome = 'applied'`, [t.id]))[0].n;
    await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${t.id}`, { addTags: ['乒'] });
    await w.settle();
    const runs = await w.sql<{ outcome: string; detail: any }>(`SELECT outcome, detail FROM automation_runs WHERE ticket_id = $1 ORDER BY created_at`, [t.id]);
    expect(runs.filter((r) => r.outcome === 'applied')).toHaveLength(MAX);
    expect(before).toBeLessThan(MAX);
    const dropped = runs.filter((r) => r.outcome === 'dropped');
    // each rule sees the ticket as it is now, so the last events of the chain may each be refused once
    expect(dropped.length).toBeGreaterThanOrEqual(1);
    expect(dropped.length).toBeLessThanOrEqual(4);
    expect(dropped[0].detail.reason).toContain(`上限 ${MAX}`);
    const events = await w.events(t.id);
    expect(events.filter((e) => e.kind === 'automation.dropped')[0].data).toMatchObject({ ruleName: expect.stringMatching(/^[乒乓]$/) });
  });
});
