import type { Queryable } from '../../platform/db/database';
import { activeStaffIds } from '../identity';
import { notificationRepository } from './notification-repository';

export interface NewNotification {
  kind: string;
  ticketId: string | null;
  data: Record<string, unknown>;
  at: Date;
}

/**
 * Notifies users inside the transaction of the change that caused it: one notification (and its
 * outbox message for live updates) per user; users that are not active staff of the tenant are
 * skipped. Returns the users notified.
 */
export async function notifyUsers(q: Queryable, tenantId: string, userIds: string[], n: NewNotification): Promise<string[]> {
  if (!userIds.length) return [];
  const staff = new Set(await activeStaffIds(q, [...new Set(userIds)]));
  return notificationRepository.insertMany(q, tenantId, userIds.filter((id) => staff.has(id)), n);
}
