import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { api, log, percentile, round } from './lib/server';
import { cloneTickets, insertClocks } from './sla-load';

// The real-time parts of `npm run bench -- sla`, against a running server: how late its sweep loop fires
// warnings and breaches, and what an SLA policy costs creating and updating tickets.

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: round(percentile(s, 50)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) };
};

/**
 * `clocks` new clocks whose warnings fall over the next `spreadS` seconds (breaches 10 s after each),
 * fired by the server's loop in real time. Lateness in ms: as stamped by the sweep (warned_at − warn_at,
 * the round's start) and as seen by a poller reading every 100 ms (committed, an upper bound).
 */
export async function measureLateness(c: pg.Client, tenantId: string, templateId: string, o: { clocks: number; spreadS: number }) {
  const first = await cloneTickets(c, templateId, o.clocks);
  const start = Date.now() + 3000;
  await insertClocks(c, tenantId, { firstNumber: first, count: o.clocks, warnFrom: start, warnStepMs: (o.spreadS * 1000) / o.clocks, dueAfterWarnMs: 10_000 });
  log(`sla: ${o.clocks} clocks due over ${o.spreadS} s from now + 3 s, the server's loop firing them`);
  const seen = new Map<string, number>();
  const deadline = start + o.spreadS * 1000 + 10_000 + 60_000;
  let rows: { ticket_id: string; warn_at: Date; due_at: Date; warned_at: Date | null; breached_at: Date | null }[] = [];
  for (;;) {
    rows = (
      await c.query(
        `SELECT s.ticket_id, s.warn_at, s.due_at, s.warned_at, s.breached_at FROM ticket_sla s JOIN tickets t ON t.id = s.ticket_id
         WHERE t.tenant_id = $1 AND t.number >= $2 AND t.number < $2::int + $3::int`,
        [tenantId, first, o.clocks],
      )
    ).rows;
    const now = Date.now();
    for (const r of rows) {
      if (r.warned_at && !seen.has(`w${r.ticket_id}`)) seen.set(`w${r.ticket_id}`, now);
      if (r.breached_at && !seen.has(`b${r.ticket_id}`)) seen.set(`b${r.ticket_id}`, now);
    }
    if (seen.size === 2 * o.clocks) break;
    if (now > deadline) throw new Error(`only ${seen.size} of ${2 * o.clocks} warnings and breaches fired`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stamped = rows.flatMap((r) => [r.warned_at!.getTime() - r.warn_at.getTime(), r.breached_at!.getTime() - r.due_at.getTime()]);
  const visible = rows.flatMap((r) => [seen.get(`w${r.ticket_id}`)! - r.warn_at.getTime(), seen.get(`b${r.ticket_id}`)! - r.due_at.getTime()]);
  const [{ twice }] = (
    await c.query(
      `SELECT count(*)::int AS twice FROM (SELECT e.ticket_id, e.kind FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE t.tenant_id = $1 AND t.number >= $2 AND t.number < $2::int + $3::int AND e.kind LIKE 'sla.%' GROUP BY 1, 2 HAVING count(*) > 1) d`,
      [tenantId, first, o.clocks],
    )
  ).rows;
  return { clocks: o.clocks, spread_s: o.spreadS, fired: stamped.length, fired_twice: twice, early: stamped.filter((x) => x < 0).length, lateness_stamped_ms: stats(stamped), lateness_visible_ms: stats(visible) };
}

const POLICY_TARGETS = Object.fromEntries(
  ['low', 'normal', 'high', 'urgent'].map((p, i) => [p, { first_response: { minutes: 240 >> i, business: false }, resolution: { minutes: 2880 >> i, business: false } }]),
);

/**
 * Waits until every outbox consumer has read the whole log and no retry is due (at most `timeoutMs`):
 * a phase measured behind an earlier phase's backlog would measure the backlog. Returns the ms waited.
 */
export async function waitForConsumers(c: pg.Client, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const [{ behind, retries }] = (
      await c.query(
        `SELECT (SELECT count(*)::int FROM outbox_cursors c WHERE EXISTS (SELECT 1 FROM outbox o WHERE (o.tx, o.id) > (c.tx, c.id))) AS behind,
                (SELECT count(*)::int FROM outbox_retries) AS retries`,
      )
    ).rows;
    if (!behind && !retries) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) throw new Error(`outbox consumers still behind after ${timeoutMs} ms (${behind} behind, ${retries} retries)`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The bench's SLA policy (7×24, every priority), created inactive; `setPolicy` turns it on and off. */
export async function createPolicy(c: pg.Client, tenantId: string): Promise<string> {
  const id = randomUUID();
  await c.query(
    `INSERT INTO sla_policies (id, tenant_id, name, position, active, targets, created_at, updated_at) VALUES ($1, $2, '压测 SLA', 1, false, $3, now(), now())`,
    [id, tenantId, JSON.stringify(POLICY_TARGETS)],
  );
  return id;
}

export const setPolicy = (c: pg.Client, id: string, active: boolean) => c.query('UPDATE sla_policies SET active = $2, updated_at = now() WHERE id = $1', [id, active]);

/**
 * `connections` clients creating a ticket then raising its priority, for `durationS` seconds, after the
 * outbox consumers have caught up. With `withSla` the bench policy is active, so the 'sla' consumer
 * computes every ticket's clocks (counted afterwards: the proof that the phase did the SLA work).
 * Latency in ms of the HTTP requests.
 */
export async function measureCreation(c: pg.Client, url: string, key: string, o: { policyId: string; withSla: boolean; durationS: number; connections: number }) {
  const waitedMs = await waitForConsumers(c, 600_000);
  await setPolicy(c, o.policyId, o.withSla);
  const creates: number[] = [];
  const updates: number[] = [];
  const ids: string[] = [];
  const errors: number[] = [];
  const end = Date.now() + o.durationS * 1000;
  await Promise.all(
    Array.from({ length: o.connections }, async (_, w) => {
      for (let i = 0; Date.now() < end; i++) {
        let t = performance.now();
        const res = await api(url, key, 'POST', '/api/v1/tickets', { title: `打印机卡纸 ${w}-${i}`, description: '财务部打印机卡纸，无法打印报销单', requester: { email: `sla${w}@kehu.cn` }, priority: 'normal' });
        creates.push(performance.now() - t);
        if (res.status !== 201) {
          errors.push(res.status);
          continue;
        }
        ids.push(res.body.id);
        t = performance.now();
        const upd = await api(url, key, 'PATCH', `/api/v1/tickets/${res.body.id}`, { priority: 'high' });
        updates.push(performance.now() - t);
        if (upd.status !== 200) errors.push(upd.status);
      }
    }),
  );
  // the consumer computes the clocks after the fact: wait for it, then count the tickets that have them
  const t0 = Date.now();
  await waitForConsumers(c, 600_000);
  const clocksMs = Date.now() - t0;
  const [{ n: clocksFor }] = (await c.query(`SELECT count(DISTINCT ticket_id)::int AS n FROM ticket_sla WHERE ticket_id = ANY($1::uuid[]) AND metric = 'first_response'`, [ids])).rows;
  await setPolicy(c, o.policyId, false);
  return {
    connections: o.connections,
    duration_s: o.durationS,
    waited_for_backlog_ms: waitedMs,
    created: ids.length,
    errors: errors.length,
    create_ms: stats(creates),
    update_ms: stats(updates),
    tickets_with_clocks: clocksFor,
    consumers_caught_up_ms: clocksMs,
  };
}
