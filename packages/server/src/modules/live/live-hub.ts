import type { Actor } from '../identity';
import type { NotificationView } from '../notifications';
import { canSeeFeedEvent, type TicketFeedEvent } from '../tickets';
import { frame, type DirectMessage } from './live-messages';

/** Tells the other server processes about a direct message (live-direct.ts's DirectRelay on PostgreSQL). */
export interface DirectAnnouncer {
  announce(tenantId: string, userIds: string[] | null, m: DirectMessage): void;
}

/** One open live connection: who is behind it (refreshed while it lives) and how to reach it. */
export interface LiveClient {
  actor: Actor;
  send(frame: string): void;
}

/**
 * The live connections of this process, by tenant. Each message is serialised once and sent to the
 * clients allowed to see it: ticket events by the role scopes of GET /tickets/{id}/events,
 * notifications only to their user.
 */
export class LiveHub {
  private readonly tenants = new Map<string, Set<LiveClient>>();
  /** Announces direct messages to the other server processes (PostgreSQL); set by connectLiveUpdates. */
  direct: DirectAnnouncer | null = null;

  /** Adds a client; the returned function removes it. */
  add(client: LiveClient): () => void {
    const tenantId = client.actor.tenantId;
    let set = this.tenants.get(tenantId);
    if (!set) this.tenants.set(tenantId, (set = new Set()));
    set.add(client);
    return () => {
      set.delete(client);
      if (!set.size && this.tenants.get(tenantId) === set) this.tenants.delete(tenantId);
    };
  }

  get size(): number {
    let n = 0;
    for (const set of this.tenants.values()) n += set.size;
    return n;
  }

  hasTenant(tenantId: string): boolean {
    return this.tenants.has(tenantId);
  }

  hasUser(tenantId: string, userId: string): boolean {
    for (const c of this.tenants.get(tenantId) ?? []) if (isUser(c.actor, userId)) return true;
    return false;
  }

  /** Returns how many clients it reached. */
  publishEvent(tenantId: string, e: TicketFeedEvent): number {
    return this.fanOut(tenantId, (a) => canSeeFeedEvent(a, e), () => frame({ type: 'ticket.event', ticketId: e.ticket.id, ticketNumber: e.ticket.number, event: e.event }));
  }

  publishNotification(tenantId: string, userId: string, notification: NotificationView): number {
    return this.fanOut(tenantId, (a) => isUser(a, userId), () => frame({ type: 'notification', notification }));
  }

  /** A direct message to these users of the tenant, or to all its admins, supervisors and agents (userIds null), on this process. */
  publishDirect(tenantId: string, userIds: string[] | null, m: DirectMessage): number {
    return this.fanOut(tenantId, (a) => a.type === 'user' && (userIds ? userIds.includes(a.id!) : DESK_ROLES.includes(a.role)), () => frame(m));
  }

  private fanOut(tenantId: string, allowed: (a: Actor) => boolean, build: () => string): number {
    let text: string | undefined;
    let n = 0;
    for (const c of this.tenants.get(tenantId) ?? []) {
      if (!allowed(c.actor)) continue;
      c.send((text ??= build()));
      n++;
    }
    return n;
  }
}

const DESK_ROLES: Actor['role'][] = ['admin', 'supervisor', 'agent'];
const isUser = (a: Actor, userId: string) => a.type === 'user' && a.id === userId;
