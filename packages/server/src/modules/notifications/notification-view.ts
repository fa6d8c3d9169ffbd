import type { NotificationRow } from './notification-repository';

// The API shape of a notification: GET /notifications items and the live feed's `notification`.
export const toNotificationView = (n: NotificationRow) => ({
  id: n.id,
  kind: n.kind,
  ticketId: n.ticket_id,
  data: n.data,
  readAt: n.read_at?.toISOString() ?? null,
  createdAt: n.created_at.toISOString(),
});
export type NotificationView = ReturnType<typeof toNotificationView>;
