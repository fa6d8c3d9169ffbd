import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import { outboxInsert } from '../../platform/outbox/append-outbox';

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  ticket_id: string | null;
  data: Record<string, unknown>;
  read_at: Date | null;
  created_at: Date;
}

export const notificationRepository = {
  /** One notification per user (the caller has checked they are active staff), with its outbox message. */
  async insertMany(q: Queryable, tenantId: string, userIds: string[], n: { kind: string; ticketId: string | null; data: Record<string, unknown>; at: Date; urgent: boolean }): Promise<string[]> {
    if (!userIds.length) return [];
    const ids = userIds.map(() => uuidv7(n.at.getTime()));
    const rows = await q.query<{ user_id: string }>(
      `WITH n AS (
         INSERT INTO notifications (id, tenant_id, user_id, kind, ticket_id, data, created_at)
         SELECT x.id, $1, x.user_id, $4, $5, $6, $7 FROM unnest($2::uuid[], $3::uuid[]) AS x(id, user_id)
         RETURNING id, user_id),
       o AS (${outboxInsert(`SELECT $1::uuid, n.id, 'notification.created', jsonb_build_object('notificationId', n.id, 'userId', n.user_id, 'kind', $4::text, 'ticketId', $5::uuid, 'urgent', $8::boolean), $7::timestamptz FROM n`)})
       SELECT user_id FROM n`,
      [tenantId, ids, userIds, n.kind, n.ticketId, JSON.stringify(n.data), n.at, n.urgent],
    );
    return rows.map((r) => r.user_id);
  },
  /** Notifications by id (the delivery consumer renders their mail and SMS). */
  async byIds(q: Queryable, ids: string[]): Promise<NotificationRow[]> {
    if (!ids.length) return [];
    return q.query<NotificationRow>('SELECT id, user_id, kind, ticket_id, data, read_at, created_at FROM notifications WHERE id = ANY($1::uuid[])', [ids]);
  },
  async list(q: Queryable, userId: string, f: { unread: boolean; before?: string; limit: number }): Promise<NotificationRow[]> {
    return q.query<NotificationRow>(
      `SELECT id, user_id, kind, ticket_id, data, read_at, created_at FROM notifications
       WHERE tenant_id = current_tenant_id() AND user_id = $1 AND (NOT $2 OR read_at IS NULL) AND ($3::uuid IS NULL OR id < $3)
       ORDER BY id DESC LIMIT $4`,
      [userId, f.unread, f.before ?? null, f.limit],
    );
  },
  async unreadCount(q: Queryable, userId: string): Promise<number> {
    const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return r.n;
  },
  async markRead(q: Queryable, userId: string, ids: string[] | 'all', at: Date): Promise<number> {
    const rows = await q.query(
      `UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2)) RETURNING id`,
      [userId, ids === 'all' ? null : ids, at],
    );
    return rows.length;
  },
};
