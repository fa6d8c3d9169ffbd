import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { userById, type Actor } from '../identity';
import { notifyUsers } from '../notifications';
import { eventRepository } from './event-repository';
import { ticketRepository, type TicketRow } from './ticket-repository';
import { canSee, assertVisible } from './visibility';
import { watcherRepository } from './watcher-repository';
import { watchersOf, type WatcherRow } from './watchers-of';

export interface WatcherView {
  userId: string;
  name: string;
  email: string;
  role: string;
  createdAt: string;
}

const toView = (w: WatcherRow): WatcherView => ({ userId: w.user_id, name: w.name, email: w.email, role: w.role, createdAt: w.created_at.toISOString() });

/** Watchers are staff; a customer neither sees nor changes them. */
function assertStaff(actor: Actor) {
  if (actor.role === 'customer') throw forbidden('Only staff can see or change the watchers of a ticket');
}

/** Anyone on staff may watch or unwatch for themselves; admins, supervisors and agents also for colleagues. */
function assertMayChange(actor: Actor, userId: string) {
  assertStaff(actor);
  const self = actor.type === 'user' && actor.id === userId;
  if (!self && !['admin', 'supervisor', 'agent'].includes(actor.role)) throw forbidden('Engineers can only watch or unwatch tickets themselves');
}

async function lockedTicket(q: Queryable, actor: Actor, ticketId: string): Promise<TicketRow> {
  return assertVisible(actor, await ticketRepository.byId(q, ticketId, { forUpdate: true }));
}

/** Adds a watcher (no change when already watching); the watcher must be active staff who can see the ticket. */
export async function addWatcher(deps: Deps, actor: Actor, ticketId: string, userId: string): Promise<WatcherView[]> {
  assertMayChange(actor, userId);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const t = await lockedTicket(q, actor, ticketId);
    const u = await userById(q, userId);
    if (!u) throw notFound('User', 'userId');
    if (u.role === 'customer' || !u.active) throw invalid('userId', 'Only active staff can watch a ticket', 'not_staff');
    const asActor: Actor = { tenantId: actor.tenantId, type: 'user', id: u.id, name: u.name, role: u.role, scope: u.scope, teamIds: u.team_ids, contactId: u.contact_id };
    if (!canSee(asActor, t)) throw invalid('userId', `${u.name} cannot see this ticket, so cannot watch it`, 'cannot_see_ticket');
    if (await watcherRepository.add(q, { tenantId: actor.tenantId, ticketId, userId, at: now })) {
      await eventRepository.append(q, { ticketId, kind: 'watcher.added', actor, channel: 'web', at: now, internal: true, data: { userId, name: u.name } });
      if (userId !== actor.id)
        await notifyUsers(q, actor.tenantId, [userId], {
          kind: 'watcher_added',
          ticketId,
          data: { number: Number(t.number), title: t.title, by: actor.name },
          at: now,
        });
    }
    return (await watchersOf(q, ticketId)).map(toView);
  });
}

/** Removes a watcher (no change when not watching). */
export async function removeWatcher(deps: Deps, actor: Actor, ticketId: string, userId: string): Promise<WatcherView[]> {
  assertMayChange(actor, userId);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    await lockedTicket(q, actor, ticketId);
    const before = await watchersOf(q, ticketId);
    if (await watcherRepository.remove(q, ticketId, userId)) {
      const name = before.find((w) => w.user_id === userId)?.name ?? '';
      await eventRepository.append(q, { ticketId, kind: 'watcher.removed', actor, channel: 'web', at: now, internal: true, data: { userId, name } });
    }
    return before.filter((w) => w.user_id !== userId).map(toView);
  });
}

export async function listWatchers(deps: Deps, actor: Actor, ticketId: string): Promise<WatcherView[]> {
  assertStaff(actor);
  return deps.db.tenant(actor.tenantId, async (q) => {
    assertVisible(actor, await ticketRepository.byId(q, ticketId, { names: false }));
    return (await watchersOf(q, ticketId)).map(toView);
  });
}
