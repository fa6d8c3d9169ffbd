import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { ok, Uuid } from '../../platform/http/schemas';
import { listNotifications, markNotificationsRead } from './manage-notifications';
import { getNotificationPreferences, setNotificationPreferences } from './manage-preferences';
import { toNotificationView as view } from './notification-view';

const Iso = z.string().describe('ISO-8601 date-time');
const NotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones'),
  before: Uuid.optional().describe('Id of the last notification seen, for the next (older) page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const NotificationPage = z.object({
  items: z.array(
    z
      .object({
        id: Uuid,
        kind: z.string().describe('mention, assigned, unassigned (a job of yours reassigned to someone else), watched_ticket_comment, watcher_added, …'),
        ticketId: Uuid.nullable(),
        data: z.record(z.string(), z.unknown()).describe('What happened: ticket number and title, who, an excerpt…'),
        readAt: Iso.nullable(),
        createdAt: Iso,
      })
      .meta({ id: 'Notification' }),
  ),
  unread: z.number().int().describe('Unread notifications in all'),
  nextBefore: Uuid.nullable().describe('Pass as before for the next (older) page; null at the end'),
});
const MarkReadBody = z.strictObject({ ids: z.array(Uuid).min(1).max(500) });
const HhMm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be HH:MM (00:00–23:59)');
const PreferencesSchema = z
  .strictObject({
    channels: z
      .record(z.string().regex(/^[a-z_.]{1,64}$/, 'a notification kind, e.g. sla_warning'), z.array(z.enum(['email', 'sms'])).max(2))
      .describe('Notification kind → channels besides the in-app center (email, sms); a kind left out: in-app only'),
    quietStart: HhMm.nullable().describe('Start of the quiet hours (免打扰), local time; null: none'),
    quietEnd: HhMm.nullable().describe('End of the quiet hours; a window ending before it starts runs over midnight (22:00–08:00)'),
    timeZone: z.string().max(64).describe('IANA time zone of the quiet hours, e.g. Asia/Shanghai'),
  })
  .meta({ id: 'NotificationPreferences' });
const MarkReadResult = z.object({ updated: z.number().int().describe('Notifications newly marked read') });

/** The notification center of the signed-in user (API keys have none). */
export function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/notifications', {
    schema: { tags: ['notifications'], summary: 'My notifications, newest first, with the unread count', querystring: NotificationsQuery, response: ok(NotificationPage) },
    handler: async (req) => {
      const { unread, before, limit } = req.query;
      const page = await listNotifications(deps, actorOf(req), { unread: unread === 'true', before, limit });
      return { items: page.items.map(view), unread: page.unread, nextBefore: page.items.length === limit ? page.items[limit - 1].id : null };
    },
  });

  r.post('/api/v1/notifications/read', {
    schema: { tags: ['notifications'], summary: 'Mark some of my notifications read', body: MarkReadBody, response: ok(MarkReadResult) },
    handler: async (req) => ({ updated: await markNotificationsRead(deps, actorOf(req), req.body.ids) }),
  });

  r.get('/api/v1/me/notification-preferences', {
    schema: { tags: ['notifications'], summary: 'My notification preferences: email / SMS per kind and quiet hours (urgent ones still go out)', response: ok(PreferencesSchema) },
    handler: async (req) => getNotificationPreferences(deps, actorOf(req)),
  });

  r.put('/api/v1/me/notification-preferences', {
    schema: { tags: ['notifications'], summary: 'Set my notification preferences', body: PreferencesSchema, response: ok(PreferencesSchema) },
    handler: async (req) => setNotificationPreferences(deps, actorOf(req), req.body),
  });

  r.post('/api/v1/notifications/read-all', {
    schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: ok(MarkReadResult) },
    handler: async (req) => ({ updated: await markNotificationsRead(deps, actorOf(req), 'all') }),
  });
}
