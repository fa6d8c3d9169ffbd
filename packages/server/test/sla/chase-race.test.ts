import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ServerHandle } from '../../bench/lib/server';
import { testDbKind } from '../support/test-db';
import { startTwoServers, type TwoServers } from '../support/two-servers';

// EXACTLY ONCE (催单): two real server processes on one PostgreSQL, both taking customers' messages and
// both running the outbox consumers (sla records chases, automation runs 第二次催单提升紧急程度). On each of
// several tickets the customer chases twice at the same moment, once through each process: every chase
// message is one ticket_chases row and one ticket.chased event, the two are counted 1 and 2, and the
// second raises the priority exactly once. Then a third wave with one process killed by SIGKILL mid-way.
const TICKETS = 16;
const PASSWORD = 'Kehu-Passw0rd-催单';

describe.runIf(testDbKind() === 'postgres')('催单 with two server processes on one PostgreSQL', () => {
  let two: TwoServers;
  let db: TwoServers['db'];
  let key: string;
  const tickets: { id: string; tokenA: string; tokenB: string }[] = [];

  const env = { OUTBOX_POLL_MS: '50', SLA_SWEEP_MS: '0', AUTOMATION_SWEEP_MS: '0', DELIVERY_SEND_MS: '0', DISPATCH_SWEEP_MS: '0', DISPATCH_STATS_MINUTES: '0', INTELLIGENCE_RETRAIN_MINUTES: '0', DATABASE_POOL_SIZE: '6' };
  beforeAll(async () => {
    two = await startTwoServers(env);
    ({ db, key } = two);
    for (let i = 0; i < TICKETS; i++) {
      const email = `cuidan${i}@kehu.cn`;
      const t = await api(i % 2 ? two.b.url : two.a.url, key, 'POST', '/api/v1/tickets', { title: `空调不制冷 ${i}`, description: '会议室空调不制冷，请安排上门', priority: 'normal', requester: { name: `客户${i}`, email } });
      expect(t.status, JSON.stringify(t.body)).toBe(201);
      const u = await api(two.a.url, key, 'POST', '/api/v1/users', { email, name: `客户${i}`, role: 'customer', contactId: t.body.requesterId, password: PASSWORD });
      expect(u.status, JSON.stringify(u.body)).toBe(201);
      const login = async (s: ServerHandle) => {
        const res = await api(s.url, null, 'POST', '/api/v1/auth/login', { email, password: PASSWORD });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body.token as string;
      };
      tickets.push({ id: t.body.id, tokenA: await login(two.a), tokenB: await login(two.b) });
    }
  }, 240_000);
  afterAll(() => two?.close());

  const chase = (s: ServerHandle, token: string, ticketId: string, body: string) => api(s.url, token, 'POST', `/api/v1/tickets/${ticketId}/comments`, { body });

  /** Per ticket: the customers' messages, chase rows (seq), ticket.chased events (count), runs of the default and the priority. */
  async function state() {
    const { rows } = await db.query<{ id: string; priority: string; messages: string[]; seqs: number[]; chase_msgs: string[]; counts: number[]; event_msgs: string[]; runs: number; applied: number }>(
      `SELECT t.id, t.priority,
         coalesce((SELECT array_agg(e.id::text ORDER BY e.id) FROM ticket_events e JOIN comments c ON c.id = (e.data->>'commentId')::uuid
                   WHERE e.ticket_id = t.id AND e.kind = 'reply.added' AND c.author_type = 'contact'), '{}') AS messages,
         coalesce((SELECT array_agg(c.seq ORDER BY c.seq) FROM ticket_chases c WHERE c.ticket_id = t.id), '{}') AS seqs,
         coalesce((SELECT array_agg(c.event_id::text ORDER BY c.event_id) FROM ticket_chases c WHERE c.ticket_id = t.id), '{}') AS chase_msgs,
         coalesce((SELECT array_agg((e.data->>'count')::int ORDER BY (e.data->>'count')::int) FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'ticket.chased'), '{}') AS counts,
         coalesce((SELECT array_agg(e.data->>'eventId' ORDER BY e.data->>'eventId') FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'ticket.chased'), '{}') AS event_msgs,
         (SELECT count(*)::int FROM automation_runs r JOIN automation_rules ru ON ru.id = r.rule_id WHERE r.ticket_id = t.id AND ru.builtin = 'second_chase_raise') AS runs,
         (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'automation.applied' AND e.data->>'ruleName' = '第二次催单提升紧急程度') AS applied
       FROM tickets t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id`,
      [tickets.map((t) => t.id)],
    );
    return rows;
  }

  /** Waits until every ticket has `chases` chases counted and the raise ran, then a little longer (a late duplicate would show). */
  async function settled(chases: number, raised: string, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await state();
      const done = rows.every((r) => r.counts.length >= chases && r.seqs.length >= chases && r.applied >= 1 && r.priority === raised);
      if (done || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1500));
    return state();
  }

  function expectOnce(rows: Awaited<ReturnType<typeof state>>, chases: number, raised: string, runs: number) {
    const n = Array.from({ length: chases }, (_, i) => i + 1);
    for (const r of rows)
      expect({ ticket: r.id, messages: r.messages.length, chaseMsgs: r.chase_msgs, eventMsgs: r.event_msgs, seqs: r.seqs, counts: r.counts, priority: r.priority, runs: r.runs, applied: r.applied }).toEqual({
        ticket: r.id,
        messages: chases,
        chaseMsgs: r.messages,
        eventMsgs: r.messages,
        seqs: n,
        counts: n,
        priority: raised,
        runs,
        applied: runs,
      });
  }

  it('two chases per ticket at once, one through each process: one row and one event each, counted 1 and 2, raised once', { timeout: 240_000 }, async () => {
    const sent = await Promise.all(
      tickets.flatMap((t) => [chase(two.a, t.tokenA, t.id, '怎么还没人处理？空调还是不制冷'), chase(two.b, t.tokenB, t.id, '都催了两次了，到底什么时候来人？')]),
    );
    expect(sent.filter((r) => r.status !== 201).map((r) => [r.status, r.body])).toEqual([]);
    expectOnce(await settled(2, 'high', 120_000), 2, 'high', 1);
  });

  it('a third chase on each, one process killed with SIGKILL mid-way: the survivor records the rest, still once (a third raise by the ≥ 2 default)', { timeout: 300_000 }, async () => {
    const sending = Promise.all(tickets.map((t, i) => chase(i % 2 ? two.b : two.a, i % 2 ? t.tokenB : t.tokenA, t.id, '等了好久了，有进展吗？').catch(() => null)));
    await new Promise((r) => setTimeout(r, 150));
    two.kill('b');
    await sending;
    // messages b accepted but could not answer count too; those it never took are sent again through a
    const rows = await state();
    const missing = rows.filter((r) => r.messages.length < 3);
    const resent = await Promise.all(missing.map((r) => chase(two.a, tickets.find((t) => t.id === r.id)!.tokenA, r.id, '等了好久了，有进展吗？')));
    expect(resent.filter((r) => r.status !== 201)).toEqual([]);
    // the dead process's outbox leases run out (30 s) and the survivor delivers what it held
    expectOnce(await settled(3, 'urgent', 180_000), 3, 'urgent', 2);
  });
});
