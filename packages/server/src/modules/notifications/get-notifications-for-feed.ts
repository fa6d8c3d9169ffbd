import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { notificationFeedRepository } from './notification-feed-repository';
import { toNotificationView, type NotificationView } from './notification-view';

/** New notifications for the live feed, read by the platform (`actor`: the tenant's system actor); each reaches only its user. */
export async function getNotificationsForFeed(deps: Deps, actor: Actor, ids: string[]): Promise<{ userId: string; notification: NotificationView }[]> {
  if (!ids.length) return [];
  const rows = await deps.db.tenant(actor.tenantId, (q) => notificationFeedRepository.byIds(q, ids));
  return rows.map((row) => ({ userId: row.user_id, notification: toNotificationView(row) }));
}
