import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepSla } from '../../src/modules/sla';
import { createStaff, createTicket } from '../collaboration/helpers';
import { automationWorld, type AutomationWorld } from './helpers';

// The shipped escalation ladder on real clocks, in simulated time: the assignee at the warning (level
// 0), the team's supervisor at the breach (level 1, priority raised), the admins one hour after the
// breach if the ticket is still not resolved (level 2). The ticket's SLA shows the level reached.
describe('SLA escalation ladder', () => {
  let w: AutomationWorld;
  let teamId: string;
  let supervisor: { id: string };
  let adminId: string;
  const MINUTE = 60_000;

  beforeAll(async () => {
    w = await automationWorld({ sla: true });
    teamId = (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/teams', { name: '运维部' })).json().id;
    supervisor = await createStaff(w.t, w.acme.adminToken, '周主管', 'supervisor', { teamIds: [teamId] });
    adminId = (await w.sql<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [w.acme.adminEmail]))[0].id;
    const policy = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/sla/policies', {
      name: '机房故障',
      // the same target at every priority the ladder raises to: the breach and its level stay
      targets: Object.fromEntries(['normal', 'high', 'urgent'].map((p) => [p, { resolution: { minutes: 60, business: false } }])),
    });
    expect(policy.statusCode, policy.body).toBe(201);
  });
  afterAll(() => w?.close());

  const sweep = async () => {
    await sweepSla(w.t.deps, { limit: 100 });
    await w.settle();
    await w.automation.sweep();
    await w.settle();
  };
  const notes = (userId: string, ticketNumber: number) =>
    w.sql<{ kind: string; data: { text: string } }>(`SELECT kind, data FROM notifications WHERE user_id = $1 ORDER BY created_at`, [userId]).then((rows) => rows.filter((r) => r.data.text?.includes(`#${ticketNumber}「`)));
  const level = async (ticketId: string) => {
    const res = await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${ticketId}/sla`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().clocks as { metric: string; escalationLevel: number }[]).find((c) => c.metric === 'resolution')!.escalationLevel;
  };

  it('escalates a breached ticket to the supervisor, then an hour later to the admins, each once', async () => {
    const t = await createTicket(w.t, w.acme.adminToken, { title: '机房空调停机', priority: 'normal', teamId, requester: { name: '孙工', email: 'sungong@kehu.cn' } });
    await w.settle();
    expect(await level(t.id)).toBe(0);

    w.t.clock.advance(61 * MINUTE); // past the 60-minute resolution target
    await sweep();
    expect(await level(t.id)).toBe(1);
    expect((await notes(supervisor.id, t.number)).filter((n) => n.kind === 'escalation')).toHaveLength(1);
    expect((await notes(adminId, t.number)).filter((n) => n.kind === 'escalation')).toHaveLength(0);
    const ticket = (await w.t.api(w.acme.adminToken, 'GET', `/api/v1/tickets/${t.id}`)).json();
    expect(ticket.priority).toBe('high');

    w.t.clock.advance(30 * MINUTE);
    await sweep();
    expect(await level(t.id)).toBe(1); // half an hour after the breach: not yet

    w.t.clock.advance(31 * MINUTE);
    await sweep();
    await sweep(); // a second round runs nothing again
    expect(await level(t.id)).toBe(2);
    const toAdmins = (await notes(adminId, t.number)).filter((n) => n.kind === 'escalation');
    expect(toAdmins).toHaveLength(1);
    expect(toAdmins[0].data.text).toContain('已升级到第 2 级');
    const applied = (await w.events(t.id)).filter((e) => e.kind === 'automation.applied').map((e) => `${e.data.ruleName}: ${e.data.actions[0].summary}`);
    expect(applied).toContain('SLA 超时升级主管: 升级（第 1 级）：优先级由普通升为高，通知 1 人');
    expect(applied.filter((a) => a.startsWith('SLA 超时1小时升级管理员: 升级（第 2 级）'))).toHaveLength(1);
  });

  it('leaves a ticket resolved within the hour after its breach at level 1', async () => {
    const t = await createTicket(w.t, w.acme.adminToken, { title: '核心交换机告警', priority: 'normal', teamId, requester: { name: '孙工', email: 'sungong@kehu.cn' } });
    await w.settle();
    w.t.clock.advance(61 * MINUTE);
    await sweep();
    expect(await level(t.id)).toBe(1);
    const category = (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/categories', { nameZh: '网络设备', nameEn: 'Network' })).json().id;
    const resolved = await w.t.api(w.acme.adminToken, 'PATCH', `/api/v1/tickets/${t.id}`, { status: 'resolved', resolution: '更换电源模块', categoryId: category, assigneeId: supervisor.id });
    expect(resolved.statusCode, resolved.body).toBe(200);
    await w.settle();
    w.t.clock.advance(2 * 60 * MINUTE);
    await sweep();
    expect((await notes(adminId, t.number)).filter((n) => n.kind === 'escalation')).toHaveLength(0);
  });
});
