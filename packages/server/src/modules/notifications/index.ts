// Notifications: the in-app notification center (mentions, assignments, later SLA warnings).
// Rows are written in the transaction of the change that caused them.
export { notifyUsers } from './notify-users';
export type { NewNotification } from './notify-users';
export type { NotificationRow } from './notification-repository';
export { listNotifications, markNotificationsRead } from './manage-notifications';
export { getNotificationsForFeed } from './get-notifications-for-feed';
export type { NotificationView } from './notification-view';
export { getNotificationPreferences, setNotificationPreferences } from './manage-preferences';
export { notificationsToDeliver } from './read-notification-deliveries';
export type { NotificationToDeliver } from './read-notification-deliveries';
export { sendTimeFor, quietMinutesLeft, OUTSIDE_CHANNELS } from './preference-rules';
export type { Preferences, OutsideChannel } from './preference-rules';
