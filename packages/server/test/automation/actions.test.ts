import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTicket } from '../collaboration/helpers';
import { automationWorld, type AutomationWorld } from './helpers';

// The actions that reach other modules: the group robot and the webhook (enqueued once through the
// delivery module in the run's transaction), a sub-task for another team, assignment, and an action
// that cannot run (undone alone, the run recorded as failed with the reason).
describe('automation actions', () => {
  let w: AutomationWorld;
  let hookId: string;
  let robotId: string;
  let fieldTeam: string;
  let engineer: { id: string };

  beforeAll(async () => {
    w = await automationWorld();
    const api = (method: string, url: string, body?: unknown) => w.t.api(w.acme.adminToken, method, url, body);
    hookId = (await api('POST', '/api/v1/webhooks', { name: 'CRM 同步', url: 'http://127.0.0.1:9/hook', secret: 'whsec-自动化-测试-0123456789', events: ['ticket.created'] })).json().id;
    robotId = (await api('POST', '/api/v1/notification-channels', { kind: 'wecom_robot', name: '企业微信值班群', config: { url: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=k' } })).json().id;
    fieldTeam = (await api('POST', '/api/v1/teams', { name: '外勤组' })).json().id;
    engineer = await createStaff(w.t, w.acme.adminToken, '赵工', 'engineer', { teamIds: [fieldTeam] });
    const rule = await api('POST', '/api/v1/automation/rules', {
      name: '电梯故障联动',
      kind: 'trigger',
      events: ['ticket.created'],
      conditions: { all: [{ field: 'title', op: 'contains', value: '电梯' }] },
      actions: [
        { type: 'notify_robot', channelId: robotId, text: '新电梯故障 #{{ticket.number}}：{{ticket.title}}' },
        { type: 'webhook', webhookId: hookId },
        { type: 'create_subtask', teamId: fieldTeam, title: '上门检修：{{ticket.title}}' },
        { type: 'assign', userId: engineer.id },
        { type: 'set_field', field: 'category', value: '01a243bb-0000-7000-8000-000000000000' },
      ],
    });
    expect(rule.statusCode, rule.body).toBe(201);
  });
  afterAll(() => w?.close());

  it('enqueue the robot and webhook once, create the sub-task, assign; a refused action fails alone', async () => {
    const t = await createTicket(w.t, w.acme.adminToken, { title: '3号电梯困人', requester: { name: '王芳', email: 'wf@kehu.cn' } });
    await w.settle();
    const deliveries = await w.sql<{ target_kind: string; dedupe_key: string; request: any }>(`SELECT target_kind, dedupe_key, request FROM deliveries WHERE dedupe_key LIKE 'automation:%' ORDER BY target_kind`);
    expect(deliveries.map((d) => d.target_kind)).toEqual(['webhook', 'wecom_robot']);
    expect(JSON.stringify(deliveries[1].request)).toContain(`新电梯故障 #${t.number}：3号电梯困人`);
    expect(deliveries[0].request).toMatchObject({ event: 'automation.webhook', ticketId: t.id, data: { ruleName: '电梯故障联动' } });
    const sub = await w.sql<{ title: string; team_id: string; parent_id: string }>(`SELECT title, team_id, parent_id FROM tickets WHERE parent_id = $1`, [t.id]);
    expect(sub).toEqual([{ title: '上门检修：3号电梯困人', team_id: fieldTeam, parent_id: t.id }]);
    const row = (await w.sql<{ assignee_id: string; status: string }>(`SELECT assignee_id, status FROM tickets WHERE id = $1`, [t.id]))[0];
    expect(row.assignee_id).toBe(engineer.id);
    const failed = (await w.events(t.id)).find((e) => e.kind === 'automation.failed');
    expect(failed?.data.actions.map((a: { type: string }) => a.type)).toEqual(['notify_robot', 'webhook', 'create_subtask', 'assign']);
    expect(failed?.data.failed[0]).toMatchObject({ type: 'set_field' });
    expect(failed?.data.reason).toContain('set_field：NOT_FOUND');
    // redelivered: nothing twice
    await w.settle();
    expect((await w.sql(`SELECT 1 FROM deliveries WHERE dedupe_key LIKE 'automation:%'`)).length).toBe(2);
  });
});
