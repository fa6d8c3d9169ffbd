import type { Queryable } from '../../platform/db/database';

export interface RunRow {
  rule_id: string;
  ticket_id: string;
  run_key: string;
  outcome: 'applied' | 'dropped' | 'failed';
  detail: Record<string, unknown>;
  created_at: Date;
  rule_name?: string | null;
}

export const runRepository = {
  /** Serialises a ticket's automation runs in this transaction (two processes, one ticket). */
  async lockTicket(q: Queryable, ticketId: string): Promise<void> {
    await runRepository.lockTickets(q, [ticketId]);
  },

  /**
   * The same for a chunk's tickets in one statement, taken in key order so that two transactions
   * locking overlapping sets cannot deadlock on each other.
   */
  async lockTickets(q: Queryable, ticketIds: string[]): Promise<void> {
    const keys = [...new Set(ticketIds)].map((id) => `automation:${id}`).sort();
    if (keys.length) await q.query(`SELECT count(pg_advisory_xact_lock(hashtextextended(k, 17))) FROM (SELECT k FROM unnest($1::text[]) AS k ORDER BY k) s`, [keys]);
  },

  /** Claims the run: true for the one transaction that inserted it (the only one that runs the actions). */
  async claim(q: Queryable, r: { tenantId: string; ruleId: string; ticketId: string; runKey: string; at: Date }): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO automation_runs (tenant_id, rule_id, ticket_id, run_key, outcome, detail, created_at) VALUES ($1, $2, $3, $4, 'applied', '{}', $5)
       ON CONFLICT DO NOTHING RETURNING run_key`,
      [r.tenantId, r.ruleId, r.ticketId, r.runKey, r.at],
    );
    return rows.length > 0;
  },

  /** The run's outcome, stamped at the end of its actions (at or after every change they made to the ticket). */
  async finish(q: Queryable, r: { ruleId: string; ticketId: string; runKey: string; outcome: RunRow['outcome']; detail: Record<string, unknown>; at: Date }): Promise<void> {
    await q.query(`UPDATE automation_runs SET outcome = $4, detail = $5, created_at = $6 WHERE rule_id = $1 AND ticket_id = $2 AND run_key = $3`, [r.ruleId, r.ticketId, r.runKey, r.outcome, JSON.stringify(r.detail), r.at]);
  },

  /** Applied runs on a ticket since a moment (the loop guard's count). */
  async appliedSince(q: Queryable, ticketId: string, since: Date): Promise<number> {
    const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM automation_runs WHERE ticket_id = $1 AND created_at > $2 AND outcome = 'applied'`, [ticketId, since]);
    return row.n;
  },

  /** The tickets among these that a rule has run on at or after their last change (the sweep skips them). */
  async ranSinceChange(q: Queryable, ruleId: string, tickets: { id: string; updated_at: Date }[]): Promise<Set<string>> {
    if (!tickets.length) return new Set();
    const rows = await q.query<{ ticket_id: string }>(
      `SELECT DISTINCT r.ticket_id FROM automation_runs r JOIN unnest($2::uuid[], $3::timestamptz[]) AS t(id, updated_at) ON r.ticket_id = t.id
        WHERE r.rule_id = $1 AND r.created_at >= t.updated_at`,
      [ruleId, tickets.map((t) => t.id), tickets.map((t) => t.updated_at)],
    );
    return new Set(rows.map((r) => r.ticket_id));
  },

  list(q: Queryable, f: { ruleId?: string; ticketId?: string; limit: number }): Promise<RunRow[]> {
    return q.query<RunRow>(
      `SELECT r.rule_id, r.ticket_id, r.run_key, r.outcome, r.detail, r.created_at, a.name AS rule_name
         FROM automation_runs r LEFT JOIN automation_rules a ON a.id = r.rule_id
        WHERE r.tenant_id = current_tenant_id() AND ($1::uuid IS NULL OR r.rule_id = $1) AND ($2::uuid IS NULL OR r.ticket_id = $2)
        ORDER BY r.created_at DESC LIMIT $3`,
      [f.ruleId ?? null, f.ticketId ?? null, f.limit],
    );
  },
};

/** One action's own savepoint: a failed action is undone alone and the run goes on. */
export const actionSavepoint = {
  begin: (q: Queryable) => q.query('SAVEPOINT automation_action'),
  keep: (q: Queryable) => q.query('RELEASE SAVEPOINT automation_action'),
  undo: (q: Queryable) => q.query('ROLLBACK TO SAVEPOINT automation_action'),
};
