// Notifications: the in-app notification center (mentions, assignments, later SLA warnings).
// Rows are written in the transaction of the change that caused them.
export { notifyUsers } from './notify-users';
export type { NewNotification } from './notify-users';
export type { NotificationRow } from './notification-repository';
export { listNotifications, markNotificationsRead } from './manage-notifications';
export { getNotificationsForFeed } from './get-notifications-for-feed';
export type { NotificationView } from './notification-view';
