import type { Queryable } from '../../platform/db/database';
import { activeStaffIds } from '../identity';
import { notificationRepository } from './notification-repository';

export interface NewNotification {
  kind: string;
  ticketId: string | null;
  data: Record<string, unknown>;
  at: Date;
  /** goes out by email / SMS also during the user's quiet hours; default: data.urgent === true or data.priority === 'urgent' */
  urgent?: boolean;
}

/**
 * Notifies users inside the transaction of the change that caused it: one notification (and its
 * outbox message `notification.created` {notificationId, userId, kind, ticketId, urgent}: live updates,
 * and the delivery consumer's email / SMS by the user's preferences) per user; users that are not
 * active staff of the tenant are skipped. Returns the users notified.
 */
export async function notifyUsers(q: Queryable, tenantId: string, userIds: string[], n: NewNotification): Promise<string[]> {
  if (!userIds.length) return [];
  const staff = new Set(await activeStaffIds(q, [...new Set(userIds)]));
  const urgent = n.urgent ?? (n.data.urgent === true || n.data.priority === 'urgent');
  return notificationRepository.insertMany(q, tenantId, userIds.filter((id) => staff.has(id)), { kind: n.kind, ticketId: n.ticketId, data: n.data, at: n.at, urgent });
}
