import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTicketEvents } from '../../src/modules/tickets';
import { systemActor } from '../../src/modules/identity';
import { createStaff, createTicket } from '../collaboration/helpers';
import { PASSWORD } from '../support/test-app';
import { automationWorld, type AutomationWorld } from './helpers';

// The shipped default rules, each doing its job in simulated time on a real database.
describe('automation defaults', () => {
  let w: AutomationWorld;
  let teamId: string;
  let supervisor: { id: string };
  let agent: { id: string; token: string };
  const HOUR = 3_600_000;

  beforeAll(async () => {
    w = await automationWorld();
    const res = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/teams', { name: '技术部' });
    teamId = res.json().id;
    supervisor = await createStaff(w.t, w.acme.adminToken, '李主管', 'supervisor', { teamIds: [teamId] });
    agent = await createStaff(w.t, w.acme.adminToken, '张工', 'agent', { teamIds: [teamId] });
  });
  afterAll(() => w?.close());

  const newTicket = (title: string, extra: Record<string, unknown> = {}) => createTicket(w.t, w.acme.adminToken, { title, requester: { name: '王芳', email: `wangfang${Math.random()}@kehu.cn` }, teamId, ...extra });
  const notifications = (userId: string) => w.sql<{ kind: string; data: any }>(`SELECT kind, data FROM notifications WHERE user_id = $1 ORDER BY created_at`, [userId]);
  const ticketRow = async (id: string) => (await w.sql<{ status: string; priority: string }>(`SELECT status, priority FROM tickets WHERE id = $1`, [id]))[0];
  const record = (ticketId: string, kind: string, data: Record<string, unknown>) =>
    w.t.db.tenant(w.acme.id, (q) => recordTicketEvents(q, [{ ticketId, kind, actor: systemActor(w.acme.id, 'SLA'), channel: 'api', at: w.t.clock.now(), data }], w.t.clock.now()));

  it('exist for the tenant, active, once', async () => {
    const rules = await w.sql<{ name: string; active: boolean; builtin: string }>(`SELECT name, active, builtin FROM automation_rules ORDER BY kind DESC, position`);
    expect(rules.map((r) => r.name)).toEqual(['新工单自动回复确认', 'SLA 剩余30%预警通知处理人', 'SLA 超时升级主管', '第二次催单提升紧急程度', '解决后请求评价', 'SLA 超时1小时升级管理员', '超过2小时未受理升级主管', '已解决7天无回复自动关闭']);
    expect(rules.every((r) => r.active)).toBe(true);
    await w.automation.sweep();
    expect((await w.sql(`SELECT 1 FROM automation_rules`)).length).toBe(8);
  });

  it('acknowledge a new ticket to the customer, with the rule on the timeline', async () => {
    const t = await newTicket('打印机卡纸');
    await w.settle();
    const events = await w.events(t.id);
    const reply = events.find((e) => e.kind === 'reply.added');
    expect(reply?.actor_name).toBe('自动化：新工单自动回复确认');
    expect(reply?.data.body).toContain(`#${t.number}「打印机卡纸」`);
    expect(reply?.data.body).toContain('王芳您好');
    const applied = events.find((e) => e.kind === 'automation.applied');
    expect(applied?.data).toMatchObject({ ruleName: '新工单自动回复确认', actions: [{ type: 'reply', summary: '回复客户' }] });
    // redelivered: still once
    await w.settle();
    expect((await w.events(t.id)).filter((e) => e.kind === 'reply.added')).toHaveLength(1);
  });

  it('notify the assignee at the SLA warning', async () => {
    const t = await newTicket('网络中断', { assigneeId: agent.id });
    await w.settle();
    await record(t.id, 'sla.warning', { metric: 'resolution', remainingMinutes: 72 });
    await w.settle();
    const n = (await notifications(agent.id)).filter((x) => x.kind === 'automation');
    expect(n.at(-1)?.data.text).toContain(`#${t.number}「网络中断」SLA 即将到期`);
  });

  it('escalate to the team supervisor and raise the priority at the breach', async () => {
    const t = await newTicket('服务器宕机', { priority: 'normal' });
    await w.settle();
    await record(t.id, 'sla.breached', { metric: 'resolution' });
    await w.settle();
    expect((await ticketRow(t.id)).priority).toBe('high');
    expect((await notifications(supervisor.id)).some((x) => x.kind === 'escalation' && x.data.text.includes('已超时'))).toBe(true);
    const applied = (await w.events(t.id)).find((e) => e.kind === 'automation.applied' && e.data.ruleName === 'SLA 超时升级主管');
    expect(applied?.data.actions[0].summary).toContain('优先级由普通升为高');
  });

  // 第二次催单提升紧急程度 runs on real chases (ticket_chases): chase-count.test.ts

  it('ask for CSAT when resolved, then close after 7 days without a reply', async () => {
    const t = await newTicket('打印机驱动', { assigneeId: agent.id });
    await w.settle();
    expect((await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${t.id}`, { status: 'open' })).statusCode).toBe(200);
    const category = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '打印机', nameEn: 'Printer' });
    const res = await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${t.id}`, { status: 'resolved', resolution: '重装驱动', categoryId: category.json().id });
    expect(res.statusCode, res.body).toBe(200);
    await w.settle();
    const replies = (await w.events(t.id)).filter((e) => e.kind === 'reply.added' && e.actor_name === '自动化：解决后请求评价');
    expect(replies).toHaveLength(1);
    expect(replies[0].data.body).toContain('评分');
    w.t.clock.advance(167 * HOUR);
    await w.automation.sweep();
    expect((await ticketRow(t.id)).status).toBe('resolved');
    w.t.clock.advance(HOUR + 1000);
    await w.automation.sweep();
    expect((await ticketRow(t.id)).status).toBe('closed');
    const runs = await w.sql<{ run_key: string; outcome: string }>(`SELECT r.run_key, r.outcome FROM automation_runs r JOIN automation_rules a ON a.id = r.rule_id WHERE a.builtin = 'close_resolved_7d' AND r.ticket_id = $1`, [t.id]);
    expect(runs).toHaveLength(1);
    expect(runs[0].run_key).toMatch(/^resolved@/);
    await w.settle();
  });

  it('escalate a ticket nobody accepted within 2 hours, once', async () => {
    w.acme.adminToken = await w.t.login(w.acme.adminEmail, PASSWORD); // a week of simulated time ended the session
    const t = await newTicket('门禁失灵');
    await w.settle();
    const before = (await notifications(supervisor.id)).length;
    w.t.clock.advance(HOUR);
    await w.automation.sweep();
    expect((await notifications(supervisor.id)).length).toBe(before);
    w.t.clock.advance(HOUR + 1000);
    await w.automation.sweep();
    await w.automation.sweep();
    const got = (await notifications(supervisor.id)).slice(before);
    expect(got.filter((x) => x.data.text.includes(`#${t.number}「门禁失灵」超过 2 小时未受理`))).toHaveLength(1);
  });

  it('a new tenant gets the defaults on its first event', async () => {
    const other = await w.t.tenant('新租户');
    await createTicket(w.t, other.adminToken, { title: '第一张工单', requester: { name: '赵六', email: 'zhaoliu@kehu.cn' } });
    await w.settle();
    const rules = await w.t.db.tenant(other.id, (q) => q.query(`SELECT name FROM automation_rules`));
    expect(rules).toHaveLength(8);
  });
});
