import type { Queryable } from '../../platform/db/database';

/** A watcher of a ticket (who they are is identity's: see watchers-of.ts). */
export interface WatchRow {
  user_id: string;
  created_at: Date;
}

export const watcherRepository = {
  /** True when the user was not watching yet. */
  async add(q: Queryable, w: { tenantId: string; ticketId: string; userId: string; at: Date }): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO watchers (tenant_id, ticket_id, user_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (ticket_id, user_id) DO NOTHING RETURNING user_id`,
      [w.tenantId, w.ticketId, w.userId, w.at],
    );
    return rows.length > 0;
  },
  /** True when the user was watching. */
  async remove(q: Queryable, ticketId: string, userId: string): Promise<boolean> {
    return (await q.query('DELETE FROM watchers WHERE ticket_id = $1 AND user_id = $2 RETURNING user_id', [ticketId, userId])).length > 0;
  },
  /** The ticket's watchers, in the order they started watching. */
  async list(q: Queryable, ticketId: string): Promise<WatchRow[]> {
    return q.query<WatchRow>('SELECT user_id, created_at FROM watchers WHERE tenant_id = current_tenant_id() AND ticket_id = $1 ORDER BY created_at', [ticketId]);
  },
};
