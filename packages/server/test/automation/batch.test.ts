import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/modules/identity';
import { recordTicketEvents } from '../../src/modules/tickets';
import type { TestTenant } from '../support/test-app';
import { createTicket } from '../collaboration/helpers';
import { AUTOMATION_CONSUMER } from '../../src/modules/automation';
import { drainUntilPassed } from '../support/outbox-settle';
import { automationWorld, type AutomationWorld } from './helpers';

// The trigger consumer on a backlog: many SLA warnings over two tenants and several tickets, delivered
// as one round and worked off in chunks of 4 events per transaction. Each rule runs once per event, in
// the events' order (a later warning of a ticket sees the tag an earlier one added, in the same chunk or
// the one before); an action that cannot run fails alone; a message that cannot be handled at all sends
// the round back one message at a time, and still nothing runs twice and nothing is lost.
const SLA_RULE = 'SLA 剩余30%预警通知处理人';
const FIRST = '首次预警标记';
const AGAIN = '再次预警备注';
const BROKEN = '故障单改分类';

describe('automation consumer on a batch of events', () => {
  let w: AutomationWorld;
  let beta: TestTenant;
  const tickets: { tenant: string; id: string; title: string }[] = [];

  const rule = (token: string, body: Record<string, unknown>) => w.t.api(token, 'POST', '/api/v1/automation/rules', { kind: 'trigger', events: ['sla.warning'], ...body });
  const warn = (tenantId: string, ticketId: string) =>
    w.t.db.tenant(tenantId, (q) =>
      recordTicketEvents(q, [{ ticketId, kind: 'sla.warning', actor: systemActor(tenantId, 'sla'), channel: 'api', at: w.t.clock.now(), internal: true, data: { metric: 'resolution', remainingMinutes: 30 } }], w.t.clock.now()),
    );
  /** the sla.warning messages in log order, with the ticket each is about */
  const warnings = () => w.t.db.system((q) => q.query<{ event_id: string; ticket_id: string }>(`SELECT event_id, payload->>'ticketId' AS ticket_id FROM outbox WHERE topic = 'sla.warning' ORDER BY tx, id`));
  const runs = () =>
    w.t.db.system((q) =>
      q.query<{ rule: string; ticket_id: string; run_key: string; outcome: string; reason: string | null }>(
        `SELECT a.name AS rule, r.ticket_id, r.run_key, r.outcome, r.detail->>'reason' AS reason FROM automation_runs r JOIN automation_rules a ON a.id = r.rule_id`,
      ),
    );

  beforeAll(async () => {
    w = await automationWorld({ chunk: 4 });
    beta = await w.t.tenant('第二租户');
    for (const [tenant, titles] of [
      [w.acme, ['空调不制冷', '打印机卡纸', '门禁失灵']],
      [beta, ['电梯异响', '故障单：水泵停机', '网络中断']],
    ] as const) {
      // the later rule marks the first warning, the earlier one notes every warning after it
      for (const body of [
        { name: BROKEN, conditions: { all: [{ field: 'title', op: 'contains', value: '故障单' }] }, actions: [{ type: 'set_field', field: 'category', value: '01a243bb-0000-7000-8000-000000000000' }] },
        { name: AGAIN, conditions: { all: [{ field: 'tags', op: 'contains', value: '已预警' }] }, actions: [{ type: 'add_note', text: '再次预警：{{ticket.title}}' }] },
        { name: FIRST, conditions: { all: [{ field: 'tags', op: 'not_contains', value: '已预警' }] }, actions: [{ type: 'add_tags', tags: ['已预警'] }] },
      ]) {
        const res = await rule(tenant.adminToken, body);
        expect(res.statusCode, res.body).toBe(201);
      }
      const [admin] = await w.t.db.tenant(tenant.id, (q) => q.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [tenant.adminEmail]));
      for (const title of titles) tickets.push({ tenant: tenant.id, id: (await createTicket(w.t, tenant.adminToken, { title, assigneeId: admin.id, requester: { name: '李娜', email: 'lina@kehu.cn' } })).id, title });
    }
    await w.settle();
  });
  afterAll(() => w?.close());

  it('runs each rule once per event, in order, later events of a ticket seeing what earlier ones did', async () => {
    // 0–2 acme, 3–5 beta; adjacent warnings of one ticket share a chunk, others fall into the next
    for (const i of [0, 3, 0, 0, 1, 4, 3, 4, 0, 2, 5, 1, 3, 4, 4, 0, 1, 5]) await warn(tickets[i].tenant, tickets[i].id);
    await w.settle();

    const all = await runs();
    const order = await warnings();
    expect(order.length).toBe(18);
    for (const t of tickets) {
      const mine = order.filter((m) => m.ticket_id === t.id).map((m) => m.event_id);
      const ran = (name: string) => all.filter((r) => r.rule === name && r.ticket_id === t.id && mine.includes(r.run_key));
      const keys = (name: string) => ran(name).map((r) => r.run_key).sort();
      expect(keys(SLA_RULE), t.title).toEqual([...mine].sort());
      expect(keys(FIRST), t.title).toEqual([mine[0]]);
      expect(keys(AGAIN), t.title).toEqual(mine.slice(1).sort());
      expect(ran(AGAIN).every((r) => r.outcome === 'applied') && ran(FIRST).every((r) => r.outcome === 'applied')).toBe(true);
      // the failing action: undone alone, the run recorded as failed, the rules after it still ran
      expect(ran(BROKEN).map((r) => r.outcome), t.title).toEqual(t.title.startsWith('故障单') ? mine.map(() => 'failed') : []);
      if (t.title.startsWith('故障单')) expect(ran(BROKEN)[0].reason).toContain('NOT_FOUND');
      const notes = await w.t.db.tenant(t.tenant, (q) => q.query(`SELECT 1 FROM ticket_events WHERE ticket_id = $1 AND kind = 'note.added' AND actor_name = $2`, [t.id, `自动化：${AGAIN}`]));
      expect(notes.length, t.title).toBe(mine.length - 1);
      const [row] = await w.t.db.tenant(t.tenant, (q) => q.query<{ tags: string[]; category_id: string | null }>(`SELECT tags, category_id FROM tickets WHERE id = $1`, [t.id]));
      expect(row).toEqual({ tags: ['已预警'], category_id: null });
    }

    // the whole log delivered again (a crash before the cursor moved): nothing runs twice. (Conditions
    // are evaluated at delivery: 再次预警备注 now matches the first warnings too, and may run on them once.)
    const steady = (rs: typeof all) => rs.filter((r) => r.rule !== AGAIN).map((r) => `${r.rule}:${r.run_key}:${r.outcome}`).sort();
    const notifications = () => w.t.db.system((q) => q.query(`SELECT 1 FROM notifications WHERE kind = 'automation'`));
    const notified = (await notifications()).length;
    expect(notified).toBe(18); // the assignee, once per warning
    await w.t.db.system((q) => q.query(`UPDATE outbox_cursors SET tx = '0', id = 0 WHERE consumer = 'automation'`));
    await w.settle();
    const again = await runs();
    expect(steady(again)).toEqual(steady(all));
    expect(again.filter((r) => r.rule === AGAIN && all.some((x) => x.rule === AGAIN && x.run_key === r.run_key)).length).toBe(all.filter((r) => r.rule === AGAIN).length);
    expect((await notifications()).length).toBe(notified);
  });

  it('a message that cannot be handled is retried alone; the others of its round run once', async () => {
    const [a, b] = [tickets[2], tickets[5]];
    await warn(a.tenant, a.id);
    // a malformed message in the middle of the round: its chunk fails, the round goes one by one
    await w.t.db.system((q) =>
      q.query(`INSERT INTO outbox (tenant_id, event_id, topic, payload) VALUES ($1, gen_random_uuid(), 'sla.warning', $2)`, [w.acme.id, JSON.stringify({ ticketId: '不是工单', data: {} })]),
    );
    await warn(b.tenant, b.id);
    await warn(a.tenant, a.id);
    // a round of delivery may end before they are readable on PostgreSQL: drained until the cursor has passed them
    await drainUntilPassed(w.t.db, w.outbox, [AUTOMATION_CONSUMER]);

    const [retry] = await w.t.db.system((q) =>
      q.query<{ n: number; topic: string; payload: { ticketId: string } }>(
        `SELECT count(*) OVER ()::int AS n, o.topic, o.payload FROM outbox_retries r JOIN outbox o ON o.id = r.outbox_id WHERE r.consumer = 'automation'`,
      ),
    );
    expect(retry).toMatchObject({ n: 1, topic: 'sla.warning', payload: { ticketId: '不是工单' } });
    const all = await runs();
    const fresh = (await warnings()).slice(18).filter((m) => m.ticket_id !== '不是工单');
    expect(fresh.length).toBe(3);
    for (const m of fresh) {
      const ran = all.filter((r) => r.run_key === m.event_id).map((r) => `${r.rule}:${r.outcome}`).sort();
      expect(ran).toEqual([`${AGAIN}:applied`, `${SLA_RULE}:applied`].sort());
    }
  });
});
