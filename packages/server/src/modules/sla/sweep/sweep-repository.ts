import type { Queryable } from '../../../platform/db/database';

// The sweep's SQL on ticket_sla. Every read of due clocks goes through the two partial indexes of
// 0030_sla.sql (ticket_sla_warn_due, ticket_sla_breach_due): the predicates below repeat theirs, so a
// round costs what is due, not what is open.

const WARN_DUE = 'warned_at IS NULL AND achieved_at IS NULL AND paused_since IS NULL AND warn_at IS NOT NULL';
const BREACH_DUE = 'breached_at IS NULL AND achieved_at IS NULL AND paused_since IS NULL AND due_at IS NOT NULL';

/** A clock the sweep has just marked: what its ticket event says. */
export interface FiredClock {
  ticket_id: string;
  metric: string;
  due_at: Date;
  policy_id: string | null;
  policy_name: string | null;
  target_minutes: number;
  business: boolean;
  warn_remaining: number | null;
  version: number;
}

/** A running clock of a ticket (for the ticket's summary). */
export interface ClockState {
  ticket_id: string;
  due_at: Date | null;
  warn_at: Date | null;
  warned_at: Date | null;
  breached_at: Date | null;
  achieved_at: Date | null;
  paused_since: Date | null;
}

/**
 * Marks the clocks `due` (a CTE of the claimed rows' ctid) with `set`; returns them with their policy.
 * The rows are found again by ctid (a TID scan; they are locked, so it cannot move): a join on the key
 * was planned as a hash join over every clock of the tenant, a cost growing with the open tickets.
 */
function mark(due: string, set: string): string {
  return `WITH due AS (${due}),
     marked AS (
       UPDATE ticket_sla s SET ${set} WHERE s.ctid = ANY (ARRAY(SELECT ctid FROM due))
       RETURNING s.ticket_id, s.metric, s.due_at, s.policy_id, s.target_minutes, s.business, s.version)
   SELECT m.*, p.name AS policy_name, p.warn_remaining FROM marked m LEFT JOIN sla_policies p ON p.id = m.policy_id
   ORDER BY m.due_at, m.ticket_id, m.metric`;
}

export const sweepRepository = {
  /**
   * The tenants owning the earliest `scan` due warnings and breaches (system transaction, all tenants).
   * Rows another process holds are read too: its claim will skip them, nothing is marked here.
   */
  async tenantsDue(q: Queryable, now: Date, scan: number): Promise<string[]> {
    const rows = await q.query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM (
         (SELECT tenant_id FROM ticket_sla WHERE ${BREACH_DUE} AND due_at <= $1 ORDER BY due_at LIMIT $2)
         UNION ALL
         (SELECT tenant_id FROM ticket_sla WHERE ${WARN_DUE} AND warn_at <= $1 ORDER BY warn_at LIMIT $2)) d`,
      [now, scan],
    );
    return rows.map((r) => r.tenant_id);
  },

  /**
   * Claims (FOR UPDATE SKIP LOCKED) up to `limit` clocks of the current tenant past their due time and
   * marks them breached at `now`. A warning not yet sent is settled with it (warned_at set, no event):
   * past the due time "即将超时" is no longer true. Rows another transaction holds are left to it.
   */
  async claimBreaches(q: Queryable, now: Date, limit: number): Promise<FiredClock[]> {
    return q.query<FiredClock>(
      mark(
        `SELECT ctid FROM ticket_sla WHERE tenant_id = current_tenant_id() AND ${BREACH_DUE} AND due_at <= $1
         ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        'breached_at = $1, warned_at = coalesce(s.warned_at, $1), updated_at = $1',
      ),
      [now, limit],
    );
  },

  /**
   * Claims up to `limit` clocks of the current tenant past their warning time and still before their
   * due time (those past it are breaches, claimed by claimBreaches) and marks them warned at `now`.
   */
  async claimWarnings(q: Queryable, now: Date, limit: number): Promise<FiredClock[]> {
    return q.query<FiredClock>(
      mark(
        `SELECT ctid FROM ticket_sla WHERE tenant_id = current_tenant_id() AND ${WARN_DUE} AND warn_at <= $1 AND due_at > $1
         ORDER BY warn_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        'warned_at = $1, updated_at = $1',
      ),
      [now, limit],
    );
  },

  /** Every clock of these tickets, for their summary (the most urgent running clock). */
  async clocksOf(q: Queryable, ticketIds: string[]): Promise<ClockState[]> {
    return q.query<ClockState>(
      `SELECT ticket_id, due_at, warn_at, warned_at, breached_at, achieved_at, paused_since FROM ticket_sla
       WHERE tenant_id = current_tenant_id() AND ticket_id = ANY($1::uuid[])`,
      [ticketIds],
    );
  },
};
