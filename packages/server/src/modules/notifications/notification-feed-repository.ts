import type { Queryable } from '../../platform/db/database';
import type { NotificationRow } from './notification-repository';

// Reads for the live feed: the notifications the outbox just announced, in one query.
export const notificationFeedRepository = {
  async byIds(q: Queryable, ids: string[]): Promise<NotificationRow[]> {
    return q.query<NotificationRow>(
      'SELECT id, user_id, kind, ticket_id, data, read_at, created_at FROM notifications WHERE id = ANY($1::uuid[]) ORDER BY id',
      [ids],
    );
  },
};
