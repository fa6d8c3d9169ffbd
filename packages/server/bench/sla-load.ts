import type pg from 'pg';

// Bench-only bulk loading for the SLA sweep (the benchmark and the two-process test may write rows
// directly; the product never does): open tickets cloned from one real ticket with generate_series,
// and a running clock per ticket whose warning or due time the caller places. Runs as the owner role,
// outside row-level security.

type Client = pg.Client | pg.PoolClient;

/**
 * Clones the ticket `templateId` into `n` new open tickets (new ids, numbers after the tenant's
 * highest, the tenant's number sequence moved past them). Returns the first new number.
 */
export async function cloneTickets(c: Client, templateId: string, n: number, batch = 100_000): Promise<number> {
  const cols = (
    await c.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'tickets' AND is_generated = 'NEVER' ORDER BY ordinal_position`)
  ).rows.map((r) => r.column_name);
  const [{ tenant_id, max }] = (
    await c.query<{ tenant_id: string; max: number }>(`SELECT t.tenant_id, (SELECT max(number) FROM tickets WHERE tenant_id = t.tenant_id)::int AS max FROM tickets t WHERE t.id = $1`, [templateId])
  ).rows;
  const first = max + 1;
  const expr = (col: string) => (col === 'id' ? 'gen_random_uuid()' : col === 'number' ? `$2::int + g` : col === 'status' ? `'open'` : col === 'parent_id' ? 'NULL' : `t.${col}`);
  for (let at = 0; at < n; at += batch) {
    const size = Math.min(batch, n - at);
    await c.query(
      `INSERT INTO tickets (${cols.join(', ')}) SELECT ${cols.map(expr).join(', ')} FROM tickets t, generate_series(0, $3::int - 1) g WHERE t.id = $1`,
      [templateId, first + at, size],
    );
  }
  await c.query(`SELECT setval(format('ticket_number_%s', replace($1::text, '-', ''))::regclass, $2)`, [tenant_id, first + n - 1]);
  return first;
}

export interface ClockSpread {
  /** the tickets numbered from `firstNumber`, `count` of them */
  firstNumber: number;
  count: number;
  metric?: string;
  policyId?: string | null;
  /** moment of the warning of the i-th ticket (epoch ms) = warnFrom + i * warnStepMs */
  warnFrom: number;
  warnStepMs: number;
  /** the due time this long after the warning (the last 30% of the target) */
  dueAfterWarnMs: number;
}

/** A running clock per ticket of the range (calendar time), warnings spread as asked; one statement. */
export async function insertClocks(c: Client, tenantId: string, s: ClockSpread): Promise<void> {
  await c.query(
    `INSERT INTO ticket_sla (tenant_id, ticket_id, metric, policy_id, target_minutes, business, started_at, due_at, warn_at, updated_at)
     SELECT t.tenant_id, t.id, $3, $4, greatest(1, round($5::float8 / 0.3 / 60000))::int, false,
            w - make_interval(secs => $5::float8 / 0.3 * 0.7 / 1000), w + make_interval(secs => $5::float8 / 1000), w, now()
     FROM (SELECT id, tenant_id, to_timestamp(($6::float8 + (number - $2::int) * $7::float8) / 1000) AS w
           FROM tickets WHERE tenant_id = $1 AND number >= $2 AND number < $2::int + $8::int) t`,
    [tenantId, s.firstNumber, s.metric ?? 'first_response', s.policyId ?? null, s.dueAfterWarnMs, s.warnFrom, s.warnStepMs, s.count],
  );
}
