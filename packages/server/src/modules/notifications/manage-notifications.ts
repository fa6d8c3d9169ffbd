import type { Deps } from '../../platform/deps';
import { forbidden } from '../../platform/errors';
import type { Actor } from '../identity';
import { notificationRepository } from './notification-repository';

function userOf(actor: Actor): string {
  if (actor.type !== 'user' || !actor.id) throw forbidden('Notifications belong to signed-in users');
  return actor.id;
}

export async function listNotifications(deps: Deps, actor: Actor, f: { unread?: boolean; before?: string; limit?: number }) {
  const userId = userOf(actor);
  return deps.db.tenant(actor.tenantId, async (q) => ({
    items: await notificationRepository.list(q, userId, { unread: f.unread ?? false, before: f.before, limit: f.limit ?? 50 }),
    unread: await notificationRepository.unreadCount(q, userId),
  }));
}

export async function markNotificationsRead(deps: Deps, actor: Actor, ids: string[] | 'all'): Promise<number> {
  const userId = userOf(actor);
  return deps.db.tenant(actor.tenantId, (q) => notificationRepository.markRead(q, userId, ids, deps.clock.now()));
}
