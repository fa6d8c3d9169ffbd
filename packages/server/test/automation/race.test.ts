import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ServerHandle } from '../../bench/lib/server';
import { testDbKind } from '../support/test-db';
import { startTwoServers, type TwoServers } from '../support/two-servers';

// EXACTLY ONCE: two real server processes on one PostgreSQL, both consuming the outbox and both
// sweeping time rules every 200 ms. Many trigger events (creations, updates) through both: every rule
// runs once per event, and a time rule once per ticket; then one process is killed with SIGKILL in the
// middle of the work and the survivor finishes it, still once.
const TICKETS = 60;

describe.runIf(testDbKind() === 'postgres')('automation with two server processes on one PostgreSQL', () => {
  let two: TwoServers;
  let db: TwoServers['db'];
  let key: string;

  const env = { OUTBOX_POLL_MS: '100', AUTOMATION_SWEEP_MS: '200', DISPATCH_SWEEP_MS: '0', DISPATCH_STATS_MINUTES: '0', INTELLIGENCE_RETRAIN_MINUTES: '0', DATABASE_POOL_SIZE: '6' };
  beforeAll(async () => {
    two = await startTwoServers(env);
    ({ db, key } = two);
    const rules = [
      { name: '加急备注', kind: 'trigger', events: ['ticket.updated'], conditions: { all: [{ field: 'tags', op: 'changed_to', value: '加急' }] }, actions: [{ type: 'add_note', text: '加急处理：{{ticket.title}}' }] },
      { name: '新单巡检', kind: 'time', conditions: { all: [{ field: 'status', op: 'in', value: ['new', 'open'] }, { field: 'hours_since.created', op: 'gte', value: 0 }] }, actions: [{ type: 'add_note', text: '定时巡检' }] },
    ];
    for (const r of rules) {
      const res = await api(two.a.url, key, 'POST', '/api/v1/automation/rules', r);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  }, 180_000);
  afterAll(() => two?.close());

  const create = (server: ServerHandle, i: number) =>
    api(server.url, key, 'POST', '/api/v1/tickets', { title: `并发工单 ${i}`, description: '打印机卡纸', requester: { name: `客户${i % 20}`, email: `race${i % 20}@kehu.cn` } });

  /** Waits until every ticket has what it should (or the time is up), then counts what ran per ticket and rule. */
  async function counts(expectTickets: number, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    const query = () =>
      db.query<{ kind: string; actor_name: string; n: number; tickets: number }>(
        `SELECT kind, actor_name, count(*)::int AS n, count(DISTINCT ticket_id)::int AS tickets FROM ticket_events
          WHERE kind IN ('reply.added', 'note.added', 'automation.applied', 'automation.failed', 'automation.dropped') GROUP BY kind, actor_name`,
      );
    for (;;) {
      const rows = (await query()).rows;
      const of = (kind: string, actor: string) => rows.find((r) => r.kind === kind && r.actor_name === actor)?.n ?? 0;
      const done = of('reply.added', '自动化：新工单自动回复确认') >= expectTickets && of('note.added', '自动化：新单巡检') >= expectTickets && of('note.added', '自动化：加急备注') >= expectTickets;
      if (done || Date.now() > deadline) {
        await new Promise((r) => setTimeout(r, 1500)); // anything late (a second run) would show now
        return (await query()).rows;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function onceEach(n: number) {
    const rows = await counts(n, 120_000);
    const row = (kind: string, actor: string) => rows.find((r) => r.kind === kind && r.actor_name === actor);
    for (const [kind, actor] of [
      ['reply.added', '自动化：新工单自动回复确认'],
      ['note.added', '自动化：新单巡检'],
      ['note.added', '自动化：加急备注'],
    ]) expect({ kind, actor, n: row(kind, actor)?.n, tickets: row(kind, actor)?.tickets }).toEqual({ kind, actor, n, tickets: n });
    expect(rows.filter((r) => r.kind === 'automation.failed' || r.kind === 'automation.dropped')).toEqual([]);
    // one run row per rule, ticket and occasion, each applied
    const [runs] = (await db.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE outcome <> 'applied')::int AS other FROM automation_runs`)).rows;
    expect(runs).toEqual({ n: 3 * n, other: 0 });
  }

  it('every rule runs once per event, and a time rule once per ticket, with both processes at work', { timeout: 240_000 }, async () => {
    const made = await Promise.all(Array.from({ length: TICKETS }, (_, i) => create(i % 2 ? two.b : two.a, i)));
    expect(made.filter((r) => r.status !== 201)).toEqual([]);
    const tagged = await Promise.all(made.map((r, i) => api((i % 2 ? two.a : two.b).url, key, 'PATCH', `/api/v1/tickets/${r.body.id}`, { addTags: ['加急'] })));
    expect(tagged.filter((r) => r.status !== 200)).toEqual([]);
    await onceEach(TICKETS);
  });

  it('one process killed with SIGKILL mid-run: the survivor finishes, still once', { timeout: 300_000 }, async () => {
    const creating = Promise.all(Array.from({ length: TICKETS }, (_, i) => create(i % 2 ? two.b : two.a, 1000 + i).catch(() => null)));
    await new Promise((r) => setTimeout(r, 300));
    two.kill('b');
    await creating;
    // what was committed (a creation the killed process committed but could not answer counts too)
    const made = (await db.query<{ id: string }>(`SELECT id FROM tickets WHERE title ~ '^并发工单 1[0-9]{3}$'`)).rows;
    expect(made.length).toBeGreaterThan(TICKETS / 3);
    const tagged = await Promise.all(made.map((r) => api(two.a.url, key, 'PATCH', `/api/v1/tickets/${r.id}`, { addTags: ['加急'] })));
    expect(tagged.filter((r) => r.status !== 200)).toEqual([]);
    // the dead process's outbox lease runs out and the survivor delivers what it held
    await onceEach(TICKETS + made.length);
  });
});
