import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { ok, Uuid } from '../../platform/http/schemas';
import { listNotifications, markNotificationsRead } from './manage-notifications';
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
        kind: z.string().describe('mention, assigned, watched_ticket_comment, watcher_added, …'),
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

  r.post('/api/v1/notifications/read-all', {
    schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: ok(MarkReadResult) },
    handler: async (req) => ({ updated: await markNotificationsRead(deps, actorOf(req), 'all') }),
  });
}
