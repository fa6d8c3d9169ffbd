import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSlaMessages } from '../../src/modules/sla';
import { recordCustomerMessage } from '../../src/modules/tickets';
import { createStaff, createTicket } from '../collaboration/helpers';
import { automationWorld, type AutomationWorld } from './helpers';

// 催单 counted from one source: the SLA module records each chase in ticket_chases (and a ticket.chased
// event); automation's chase_count reads those rows (through sla's chaseCounts) — on a ticket.chased
// event the count as of that chase, elsewhere all of them. Real customer messages, simulated time.
describe('chase_count reads ticket_chases', () => {
  let w: AutomationWorld;
  let teamId: string;
  let agent: { id: string };

  beforeAll(async () => {
    w = await automationWorld({ sla: true });
    teamId = (await w.t.api(w.acme.adminToken, 'POST', '/api/v1/teams', { name: '运维部' })).json().id;
    agent = await createStaff(w.t, w.acme.adminToken, '赵工', 'agent', { teamIds: [teamId] });
  });
  afterAll(() => w?.close());

  const newTicket = (title: string) => createTicket(w.t, w.acme.adminToken, { title, priority: 'normal', teamId, assigneeId: agent.id, requester: { name: '陈静', email: `chenjing${randomUUID()}@kehu.cn` } });
  const says = (t: { id: string; requesterId: string }, text: string) =>
    w.t.db.tenant(w.acme.id, (q) =>
      recordCustomerMessage(q, w.t.deps, w.acme.id, { ticketId: t.id, contact: { id: t.requesterId, name: '陈静' }, channel: 'wechat', bodyHtml: `<p>${text}</p>`, files: [], inboundId: randomUUID() }),
    );
  const minutes = (n: number) => w.t.clock.advance(n * 60_000);
  const priority = async (id: string) => (await w.sql<{ priority: string }>(`SELECT priority FROM tickets WHERE id = $1`, [id]))[0].priority;
  const chaseRows = async (id: string) => (await w.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ticket_chases WHERE ticket_id = $1`, [id]))[0].n;
  const applied = async (id: string, ruleName: string) => (await w.events(id)).filter((e) => e.kind === 'automation.applied' && e.data.ruleName === ruleName);

  it('the shipped default raises urgency at the second chase, not the first, once', async () => {
    const t = await newTicket('会议室投影仪无信号');
    await w.settle();
    await says(t, '投影仪还是没信号，怎么还没人来看看？');
    await w.settle();
    expect(await chaseRows(t.id)).toBe(1);
    expect(await priority(t.id)).toBe('normal');
    minutes(5);
    await says(t, '怎么还没人处理？都催了两次了');
    await w.settle();
    expect(await chaseRows(t.id)).toBe(2);
    expect(await priority(t.id)).toBe('high');
    expect(await applied(t.id, '第二次催单提升紧急程度')).toHaveLength(1);
    // a message that does not ask again is no chase and raises nothing
    minutes(2);
    await says(t, '好的，我在会议室等工程师');
    await w.settle();
    expect(await chaseRows(t.id)).toBe(2);
    expect(await priority(t.id)).toBe('high');
  });

  it('two chases recorded in one round: each trigger sees the count as of its own chase, so the second raises once', async () => {
    const t = await newTicket('财务系统登录不了');
    await w.settle();
    await says(t, '登录不了，麻烦尽快处理');
    minutes(1);
    await says(t, '怎么还没人处理？都催了两次了');
    await w.settle();
    const chased = (await w.events(t.id)).filter((e) => e.kind === 'ticket.chased');
    expect(chased.map((e) => e.data.count)).toEqual([1, 2]);
    expect(await priority(t.id)).toBe('high');
    expect(await applied(t.id, '第二次催单提升紧急程度')).toHaveLength(1);
  });

  it('a chase written earlier but committed later (another process, a lock wait) is the second: counts follow recording, raised once', async () => {
    const t = await newTicket('打印机卡纸');
    await w.settle();
    minutes(1);
    await says(t, '打印机到底什么时候能修好？');
    minutes(1);
    await says(t, '怎么还没人处理？都催了两次了');
    // the SLA consumer gets the later message first, as the outbox delivers them when the earlier one's transaction commits last
    const replies = await w.t.db.system((q) =>
      q.query<any>(`SELECT id, tenant_id, event_id, topic, payload, created_at FROM outbox WHERE tenant_id = $1 AND topic = 'reply.added' AND payload->>'ticketId' = $2 AND payload->'actor'->>'type' = 'contact' ORDER BY event_id DESC`, [w.acme.id, t.id]),
    );
    expect(replies).toHaveLength(2);
    for (const m of replies) await handleSlaMessages(w.t.deps, [{ id: Number(m.id), tenantId: m.tenant_id, eventId: m.event_id, topic: m.topic, payload: m.payload, createdAt: m.created_at, attempts: 0 }]);
    await w.settle();
    const chased = (await w.events(t.id)).filter((e) => e.kind === 'ticket.chased');
    expect(Object.fromEntries(chased.map((e) => [e.data.eventId, e.data.count]))).toEqual({ [replies[0].event_id]: 1, [replies[1].event_id]: 2 });
    expect(await chaseRows(t.id)).toBe(2);
    expect(await priority(t.id)).toBe('high');
    expect(await applied(t.id, '第二次催单提升紧急程度')).toHaveLength(1);
  });

  it('the count automation sees equals the ticket_chases rows: at each chase, and in a dry run', async () => {
    for (const k of [1, 2, 3]) {
      const rule = { name: `第${k}次催单备注`, kind: 'trigger', events: ['ticket.chased'], conditions: { all: [{ field: 'chase_count', op: 'is', value: k }] }, actions: [{ type: 'add_note', text: `第${k}次催单` }], active: true };
      const res = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/rules', rule);
      expect(res.statusCode, res.body).toBe(201);
    }
    const texts = ['打印机到底什么时候能修好？', '怎么还没人处理？都催了两次了', '等了好久了，有进展吗？'];
    const tickets = [];
    for (const [i, title] of ['空调漏水', '网络时断时续', '门禁卡失效', '显示器黑屏'].entries()) {
      const t = await newTicket(title);
      await w.settle();
      for (const text of texts.slice(0, i)) {
        minutes(1);
        await says(t, text);
      }
      tickets.push({ t, k: i });
    }
    await w.settle();
    for (const { t, k } of tickets) {
      expect(await chaseRows(t.id)).toBe(k);
      const notes = (await w.events(t.id)).filter((e) => e.kind === 'note.added').map((e) => e.data.body as string);
      expect(notes.map((b) => /第(\d)次催单/.exec(b)?.[1])).toEqual(Array.from({ length: k }, (_, i) => String(i + 1)));
    }
    for (const k of [0, 1, 2, 3]) {
      const res = await w.t.api(w.acme.adminToken, 'POST', '/api/v1/automation/dry-run', { rule: { name: '试运行', kind: 'trigger', events: ['ticket.chased'], conditions: { all: [{ field: 'chase_count', op: 'is', value: k }] }, actions: [{ type: 'add_note', text: '试' }] } });
      expect(res.statusCode, res.body).toBe(200);
      const matched = new Set(res.json().matched.map((m: { ticketId: string }) => m.ticketId));
      for (const { t, k: rows } of tickets) expect([t.id, k, matched.has(t.id)]).toEqual([t.id, k, rows === k]);
    }
  });
});
