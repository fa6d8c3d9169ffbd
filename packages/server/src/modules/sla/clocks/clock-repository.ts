import type { Queryable } from '../../../platform/db/database';
import type { SlaMetric } from '../rules/sla-types';

// Every ticket's SLA clocks (ticket_sla), one row per ticket and metric. The only SQL on ticket_sla
// outside the sweep's own claims.

export interface ClockRow {
  ticket_id: string;
  metric: SlaMetric;
  policy_id: string | null;
  calendar_id: string | null;
  target_minutes: number;
  business: boolean;
  cycle: number;
  started_at: Date;
  due_at: Date | null;
  warn_at: Date | null;
  paused_since: Date | null;
  paused_minutes: number;
  warned_at: Date | null;
  breached_at: Date | null;
  achieved_at: Date | null;
  escalation_level: number;
  version: number;
  updated_at: Date;
}

export type NewClockRow = Omit<ClockRow, 'version' | 'updated_at'>;

const COLUMNS = `ticket_id, metric, policy_id, calendar_id, target_minutes, business, cycle, started_at, due_at, warn_at, paused_since,
  paused_minutes, warned_at, breached_at, achieved_at, escalation_level, version, updated_at`;
// the columns a recomputation sets; a row whose values are all the same is not written (its version stays)
const SET = ['policy_id', 'calendar_id', 'target_minutes', 'business', 'cycle', 'started_at', 'due_at', 'warn_at', 'paused_since', 'paused_minutes', 'warned_at', 'breached_at', 'achieved_at', 'escalation_level'];

export const clockRepository = {
  /** Only the running clocks with a due time of these tickets, and only that: a lean read for many tickets. */
  async runningDue(q: Queryable, ticketIds: string[]): Promise<{ ticket_id: string; metric: SlaMetric; due_at: Date }[]> {
    if (!ticketIds.length) return [];
    return q.query(`SELECT ticket_id, metric, due_at FROM ticket_sla WHERE ticket_id = ANY($1::uuid[]) AND achieved_at IS NULL AND paused_since IS NULL AND due_at IS NOT NULL`, [ticketIds]);
  },

  async byTickets(q: Queryable, ticketIds: string[]): Promise<ClockRow[]> {
    if (!ticketIds.length) return [];
    return q.query<ClockRow>(`SELECT ${COLUMNS} FROM ticket_sla WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id, metric`, [ticketIds]);
  },

  /**
   * The same rows, locked until the transaction ends (in key order): a recomputation and the sweep take
   * turns on a clock, so a warning the sweep has just marked is not read as unsent and written back as null
   * (which would fire it twice).
   */
  /**
   * An escalation of the ticket: its running clocks that warned or breached go to `level` (null: one
   * above the highest now), never down. Not a recomputation: the version (the sweep's guard) stays.
   * Returns the level reached, null when no clock of the ticket has warned or breached.
   */
  async raiseEscalation(q: Queryable, ticketId: string, level: number | null, at: Date): Promise<number | null> {
    const rows = await q.query<{ level: number }>(
      `WITH due AS (SELECT metric, escalation_level FROM ticket_sla
                     WHERE ticket_id = $1 AND achieved_at IS NULL AND (warned_at IS NOT NULL OR breached_at IS NOT NULL)
                     ORDER BY metric FOR UPDATE),
            target AS (SELECT coalesce($2::int, max(escalation_level) + 1) AS level FROM due)
       UPDATE ticket_sla s SET escalation_level = greatest(s.escalation_level, target.level), updated_at = $3
         FROM due, target WHERE s.ticket_id = $1 AND s.metric = due.metric
       RETURNING s.escalation_level AS level`,
      [ticketId, level, at],
    );
    return rows.length ? Math.max(...rows.map((r) => r.level)) : null;
  },

  async lockByTickets(q: Queryable, ticketIds: string[]): Promise<ClockRow[]> {
    if (!ticketIds.length) return [];
    return q.query<ClockRow>(`SELECT ${COLUMNS} FROM ticket_sla WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id, metric FOR UPDATE`, [ticketIds]);
  },

  /** Writes the recomputed clocks (a changed row bumps its version) and deletes the other clocks of these tickets. */
  async replace(q: Queryable, tenantId: string, ticketIds: string[], rows: NewClockRow[], at: Date): Promise<void> {
    if (!ticketIds.length) return;
    const keep = rows.map((r) => `${r.ticket_id}:${r.metric}`);
    await q.query(`DELETE FROM ticket_sla WHERE ticket_id = ANY($1::uuid[]) AND NOT ((ticket_id::text || ':' || metric) = ANY($2::text[]))`, [ticketIds, keep]);
    if (!rows.length) return;
    const sorted = [...rows].sort((a, b) => (a.ticket_id + a.metric < b.ticket_id + b.metric ? -1 : 1));
    const col = <K extends keyof NewClockRow>(k: K) => sorted.map((r) => r[k]);
    await q.query(
      `INSERT INTO ticket_sla (tenant_id, ticket_id, metric, ${SET.join(', ')}, version, updated_at)
       SELECT $1::uuid, v.*, 1, $17::timestamptz FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::int[], $7::boolean[], $8::int[], $9::timestamptz[],
         $10::timestamptz[], $11::timestamptz[], $12::timestamptz[], $13::int[], $14::timestamptz[], $15::timestamptz[], $16::timestamptz[], $18::int[])
         AS v(ticket_id, metric, ${SET.join(', ')})
       ON CONFLICT (ticket_id, metric) DO UPDATE SET ${SET.map((c) => `${c} = excluded.${c}`).join(', ')},
         version = ticket_sla.version + 1, updated_at = excluded.updated_at
       WHERE (${SET.map((c) => `ticket_sla.${c}`).join(', ')}) IS DISTINCT FROM (${SET.map((c) => `excluded.${c}`).join(', ')})`,
      [
        tenantId,
        col('ticket_id'),
        col('metric'),
        col('policy_id'),
        col('calendar_id'),
        col('target_minutes'),
        col('business'),
        col('cycle'),
        col('started_at'),
        col('due_at'),
        col('warn_at'),
        col('paused_since'),
        col('paused_minutes'),
        col('warned_at'),
        col('breached_at'),
        col('achieved_at'),
        at,
        col('escalation_level'),
      ],
    );
  },
};
