import type { Queryable } from '../../../platform/db/database';

// dispatch_queue (待派单): tickets waiting for someone eligible with capacity, for their batch window,
// or for a dispatcher (manual mode); taken most urgent then oldest first.

export interface QueueRow {
  ticket_id: string;
  team_id: string | null;
  priority_rank: number;
  enqueued_at: Date;
  batch_until: Date | null;
  waiting_reason: string | null;
  attempts: number;
}

export const PRIORITY_RANK: Record<string, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export const queueRepository = {
  /** Queues a ticket (again: its reason and batch time are updated, its place kept). */
  async put(q: Queryable, r: Omit<QueueRow, 'attempts'> & { tenant_id: string }): Promise<void> {
    await q.query(
      `INSERT INTO dispatch_queue (ticket_id, tenant_id, team_id, priority_rank, enqueued_at, batch_until, waiting_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (ticket_id) DO UPDATE SET team_id = excluded.team_id, priority_rank = excluded.priority_rank,
         batch_until = excluded.batch_until, waiting_reason = excluded.waiting_reason, attempts = dispatch_queue.attempts + 1`,
      [r.ticket_id, r.tenant_id, r.team_id, r.priority_rank, r.enqueued_at, r.batch_until, r.waiting_reason],
    );
  },
  async remove(q: Queryable, ticketIds: string[]): Promise<void> {
    if (ticketIds.length) await q.query('DELETE FROM dispatch_queue WHERE ticket_id = ANY($1::uuid[])', [ticketIds]);
  },
  async byTicket(q: Queryable, ticketId: string): Promise<QueueRow | undefined> {
    const [row] = await q.query<QueueRow>('SELECT ticket_id, team_id, priority_rank, enqueued_at, batch_until, waiting_reason, attempts FROM dispatch_queue WHERE ticket_id = $1', [ticketId]);
    return row;
  },
  async queuedIds(q: Queryable, ticketIds: string[]): Promise<Set<string>> {
    if (!ticketIds.length) return new Set();
    const rows = await q.query<{ ticket_id: string }>('SELECT ticket_id FROM dispatch_queue WHERE ticket_id = ANY($1::uuid[])', [ticketIds]);
    return new Set(rows.map((r) => r.ticket_id));
  },
  /** Waiting tickets whose batch window (if any) has closed, most urgent then oldest first. */
  async due(q: Queryable, now: Date, limit: number): Promise<QueueRow[]> {
    return q.query<QueueRow>(
      `SELECT ticket_id, team_id, priority_rank, enqueued_at, batch_until, waiting_reason, attempts FROM dispatch_queue
       WHERE tenant_id = current_tenant_id() AND (batch_until IS NULL OR batch_until <= $1)
       ORDER BY priority_rank DESC, enqueued_at, ticket_id LIMIT $2`,
      [now, limit],
    );
  },
  /** How many tickets wait in a team's queue (for overflow). */
  async teamLength(q: Queryable, teamId: string): Promise<number> {
    const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM dispatch_queue WHERE tenant_id = current_tenant_id() AND team_id = $1', [teamId]);
    return r.n;
  },
  /**
   * The queue as dispatch takes it — most urgent, then oldest (`due`'s order, batch windows included) —
   * optionally one team's, at most `limit` rows (the 待派单 view).
   */
  async ordered(q: Queryable, teamId: string | null, limit: number): Promise<QueueRow[]> {
    return q.query<QueueRow>(
      `SELECT ticket_id, team_id, priority_rank, enqueued_at, batch_until, waiting_reason, attempts FROM dispatch_queue
       WHERE tenant_id = current_tenant_id() AND ($1::uuid IS NULL OR team_id = $1)
       ORDER BY priority_rank DESC, enqueued_at, ticket_id LIMIT $2`,
      [teamId, limit],
    );
  },
  /** How many tickets wait per team (null: tickets without a team). */
  async countsByTeam(q: Queryable): Promise<{ team_id: string | null; waiting: number }[]> {
    return q.query('SELECT team_id, count(*)::int AS waiting FROM dispatch_queue WHERE tenant_id = current_tenant_id() GROUP BY team_id');
  },
  async all(q: Queryable, limit: number): Promise<QueueRow[]> {
    return q.query<QueueRow>(
      `SELECT ticket_id, team_id, priority_rank, enqueued_at, batch_until, waiting_reason, attempts FROM dispatch_queue
       WHERE tenant_id = current_tenant_id() ORDER BY priority_rank DESC, enqueued_at LIMIT $1`,
      [limit],
    );
  },
};
