import type { Queryable } from '../../platform/db/database';
import { notificationRepository, type NotificationRow } from './notification-repository';
import { preferenceRepository } from './preference-repository';
import { DEFAULT_PREFERENCES, type OutsideChannel, type Preferences } from './preference-rules';

export interface NotificationToDeliver {
  notification: NotificationRow;
  preferences: Preferences;
}

/**
 * For the delivery consumer (in a tenant transaction): the notifications with their users'
 * preferences; notifications that no longer exist are left out.
 */
export async function notificationsToDeliver(q: Queryable, ids: string[]): Promise<NotificationToDeliver[]> {
  const notifications = await notificationRepository.byIds(q, ids);
  const prefs = new Map((await preferenceRepository.byUsers(q, [...new Set(notifications.map((n) => n.user_id))])).map((p) => [p.user_id, p]));
  return notifications.map((n) => {
    const p = prefs.get(n.user_id);
    return {
      notification: n,
      preferences: p ? { channels: p.channels as Record<string, OutsideChannel[]>, quietStart: p.quiet_start, quietEnd: p.quiet_end, timeZone: p.time_zone } : DEFAULT_PREFERENCES,
    };
  });
}
