import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTickets, insertClocks } from '../../bench/sla-load';
import { api } from '../../bench/lib/server';
import { testDbKind } from '../support/test-db';
import { startTwoServers, type TwoServers } from '../support/two-servers';

// EXACTLY ONCE: two real server processes on one PostgreSQL sweep the same due SLA clocks (small
// batches, a round every 50 ms each): every clock's warning and breach is fired once — one ticket event
// per clock and kind, never two, none missing (a warning a late round finds past its due time is settled
// by the breach, without an event). Then one process is killed with SIGKILL in the middle of a
// large backlog and the survivor fires the rest, again each once. Clocks are loaded in bulk as the
// benchmark loads them (no SLA policy: the 'sla' consumer leaves them alone).
describe.runIf(testDbKind() === 'postgres')('SLA sweep with two server processes on one PostgreSQL', () => {
  let two: TwoServers;
  let db: TwoServers['db'];
  let tenantId: string;
  let templateId: string;

  const env = { SLA_SWEEP_MS: '50', SLA_SWEEP_BATCH: '20', OUTBOX_POLL_MS: '500', DISPATCH_SWEEP_MS: '0', DISPATCH_STATS_MINUTES: '0', INTELLIGENCE_RETRAIN_MINUTES: '0', DATABASE_POOL_SIZE: '4' };
  beforeAll(async () => {
    two = await startTwoServers(env);
    db = two.db;
    const res = await api(two.a.url, two.key, 'POST', '/api/v1/tickets', { title: '空调不制冷', description: '客户来电：会议室空调不制冷，请尽快上门', requester: { email: 'kehu@example.cn' } });
    expect(res.status).toBe(201);
    templateId = res.body.id;
    [{ id: tenantId }] = (await db.query('SELECT id FROM tenants')).rows;
  }, 180_000);
  afterAll(() => two?.close());

  /** Per (ticket, metric, kind) the number of SLA events of the tickets numbered from `first`. */
  async function fired(first: number, count: number) {
    return (
      await db.query<{ kind: string; clocks: number; events: number; over: number }>(
        `SELECT e.kind, count(DISTINCT (e.ticket_id, e.data->>'metric'))::int AS clocks, count(*)::int AS events,
                count(*) FILTER (WHERE e.data->>'metric' IS NULL)::int AS over
         FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE e.kind IN ('sla.warning', 'sla.breached') AND t.number >= $1 AND t.number < $1::int + $2::int GROUP BY e.kind ORDER BY e.kind`,
        [first, count],
      )
    ).rows;
  }

  async function until(what: string, done: () => Promise<boolean>, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error(`${what}: not after ${timeoutMs} ms\n${two.a.output().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const pending = async (first: number, count: number) =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ticket_sla s JOIN tickets t ON t.id = s.ticket_id
         WHERE t.number >= $1 AND t.number < $1::int + $2::int AND (s.warned_at IS NULL OR s.breached_at IS NULL)`,
        [first, count],
      )
    ).rows[0].n;

  it('both processes sweep 1,000 clocks (two metrics of 500 tickets) through warning and breach: each fired once', { timeout: 180_000 }, async () => {
    const first = await cloneTickets(db, templateId, 500);
    const start = Date.now() + 1500;
    for (const metric of ['first_response', 'resolution'])
      await insertClocks(db, tenantId, { firstNumber: first, count: 500, metric, warnFrom: start, warnStepMs: 4, dueAfterWarnMs: 5000 });
    await until('every clock warned and breached', async () => (await pending(first, 500)) === 0, 120_000);
    await new Promise((r) => setTimeout(r, 500)); // a late duplicate would show now
    // per clock: one breach event; one warning event, unless a late sweep found it already past its due
    // time (then the breach settled the warning: warned_at = breached_at, no event — by design)
    const [check] = (
      await db.query(
        `WITH ev AS (SELECT ticket_id, data->>'metric' AS metric, count(*) FILTER (WHERE kind = 'sla.warning')::int AS w, count(*) FILTER (WHERE kind = 'sla.breached')::int AS b
                     FROM ticket_events WHERE kind IN ('sla.warning', 'sla.breached') GROUP BY 1, 2)
         SELECT count(*)::int AS clocks, count(*) FILTER (WHERE coalesce(ev.b, 0) <> 1)::int AS wrong_breach,
                count(*) FILTER (WHERE coalesce(ev.w, 0) <> CASE WHEN s.warned_at < s.breached_at THEN 1 ELSE 0 END)::int AS wrong_warning,
                count(*) FILTER (WHERE s.warned_at = s.breached_at)::int AS settled
         FROM ticket_sla s JOIN tickets t ON t.id = s.ticket_id LEFT JOIN ev ON ev.ticket_id = s.ticket_id AND ev.metric = s.metric
         WHERE t.number >= $1 AND t.number < $1::int + 500`,
        [first],
      )
    ).rows;
    expect(check).toMatchObject({ clocks: 1000, wrong_breach: 0, wrong_warning: 0 });
    expect(check.settled).toBeLessThan(500);
    // fired at their moment, not before; breaches within a few seconds even on shared cores
    const [late] = (
      await db.query(
        `SELECT count(*) FILTER (WHERE s.warned_at < s.warn_at OR s.breached_at < s.due_at)::int AS early,
                max(extract(epoch FROM s.breached_at - s.due_at))::float8 AS max_breach_late_s
         FROM ticket_sla s JOIN tickets t ON t.id = s.ticket_id WHERE t.number >= $1 AND t.number < $1::int + 500`,
        [first],
      )
    ).rows;
    expect(late.early).toBe(0);
    // the tickets' summaries say breached
    const states = (await db.query(`SELECT sla_state, count(*)::int AS n FROM tickets WHERE number >= $1 AND number < $1::int + 500 GROUP BY sla_state`, [first])).rows;
    expect(states).toEqual([{ sla_state: 'breached', n: 500 }]);
  });

  it('one process SIGKILLed mid-sweep of 6,000 due breaches: the survivor fires the rest, none twice, none missed', { timeout: 240_000 }, async () => {
    const count = 6000;
    const first = await cloneTickets(db, templateId, count);
    // all past their due time at once (breaches; their warnings are settled silently)
    await insertClocks(db, tenantId, { firstNumber: first, count, warnFrom: Date.now() - 60_000, warnStepMs: 0, dueAfterWarnMs: 1000 });
    await until(
      'the sweep under way',
      async () => {
        const n = (await fired(first, count)).reduce((s, r) => s + r.events, 0);
        return n >= 300;
      },
      60_000,
    );
    two.kill('b');
    const atKill = (await fired(first, count)).reduce((s, r) => s + r.events, 0);
    expect(atKill).toBeLessThan(count);
    await until('every clock breached', async () => (await pending(first, count)) === 0, 180_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await fired(first, count)).toEqual([{ kind: 'sla.breached', clocks: count, events: count, over: 0 }]);
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'sla.breached' AND payload->>'ticketId' IN (SELECT id::text FROM tickets WHERE number >= $1 AND number < $1::int + $2::int)`, [first, count])).rows;
    expect(n).toBe(count);
  });
});
