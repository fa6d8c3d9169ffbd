import type { Queryable } from '../../platform/db/database';
import type { Role, Scope } from '../identity';

export interface WatcherRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  created_at: Date;
}

/** Who a prospective watcher is: enough to decide whether they may see the ticket. */
export interface WatcherCandidate {
  id: string;
  name: string;
  role: Role;
  scope: Scope;
  active: boolean;
  contact_id: string | null;
  team_ids: string[];
}

export const watcherRepository = {
  async candidate(q: Queryable, userId: string): Promise<WatcherCandidate | undefined> {
    const [row] = await q.query<WatcherCandidate>(
      `SELECT u.id, u.name, u.role, u.scope, u.active, u.contact_id,
         coalesce((SELECT array_agg(m.team_id) FROM team_members m WHERE m.user_id = u.id), '{}') AS team_ids
       FROM users u WHERE u.id = $1`,
      [userId],
    );
    return row;
  },
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
  async list(q: Queryable, ticketId: string): Promise<WatcherRow[]> {
    return q.query<WatcherRow>(
      `SELECT w.user_id, u.name, u.email, u.role, w.created_at FROM watchers w JOIN users u ON u.id = w.user_id
       WHERE w.tenant_id = current_tenant_id() AND w.ticket_id = $1 ORDER BY w.created_at, u.name`,
      [ticketId],
    );
  },
};
