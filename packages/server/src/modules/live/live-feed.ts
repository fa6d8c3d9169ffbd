import type { Deps } from '../../platform/deps';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { systemActor } from '../identity';
import { getNotificationsForFeed, type NotificationView } from '../notifications';
import { getEventsForFeed, type TicketFeedEvent } from '../tickets';
import type { LiveHub } from './live-hub';

/** A committed outbox message as the live feed needs it: enough to load it, and to skip it cheaply. */
export interface FeedRef {
  tenantId: string;
  kind: 'event' | 'notification';
  /** The ticket event's or the notification's id. */
  id: string;
  /** For notifications: whose it is. */
  userId?: string;
}

/**
 * Ticket events (their outbox payload names the ticket) and new notifications; other topics are not
 * live. Imported tickets are history arriving by the thousand, not news: consoles see them on reload.
 */
export function feedRefOf(m: OutboxMessage): FeedRef | null {
  if (m.topic === 'ticket.imported') return null;
  if (m.topic === 'notification.created') {
    const userId = typeof m.payload.userId === 'string' ? m.payload.userId : undefined;
    return { tenantId: m.tenantId, kind: 'notification', id: m.eventId, userId };
  }
  if (typeof m.payload.ticketId === 'string') return { tenantId: m.tenantId, kind: 'event', id: m.eventId };
  return null;
}

const CHUNK = 200;

/**
 * Loads what the outbox announced and hands it to the hub, in order, off the dispatcher's path: a
 * chunk of messages costs one query per tenant and kind, and only for tenants (or, for notifications,
 * users) with a live connection in this process. Delivery to sockets is at most once: a client that
 * reconnects re-fetches what it shows.
 */
export class LiveFeed {
  private queue: FeedRef[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly hub: LiveHub,
    private readonly log?: { error(obj: unknown, msg: string): void },
  ) {}

  push(refs: FeedRef[]): void {
    for (const r of refs) if (this.wanted(r)) this.queue.push(r);
    this.kick();
  }

  /** Resolves once everything pushed so far has been delivered. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private wanted(r: FeedRef): boolean {
    return r.kind === 'notification' && r.userId ? this.hub.hasUser(r.tenantId, r.userId) : this.hub.hasTenant(r.tenantId);
  }

  private kick(): void {
    if (this.draining || !this.queue.length) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const chunk = this.queue.splice(0, CHUNK);
      try {
        await this.deliver(chunk);
      } catch (err) {
        this.log?.error({ err }, 'live updates: delivery failed');
      }
    }
  }

  private async deliver(chunk: FeedRef[]): Promise<void> {
    const byTenant = new Map<string, FeedRef[]>();
    for (const r of chunk) {
      const list = byTenant.get(r.tenantId);
      if (list) list.push(r);
      else byTenant.set(r.tenantId, [r]);
    }
    for (const [tenantId, refs] of byTenant) {
      const actor = systemActor(tenantId, 'live');
      const [events, notifications] = await Promise.all([
        getEventsForFeed(this.deps, actor, refs.filter((r) => r.kind === 'event').map((r) => r.id)),
        getNotificationsForFeed(this.deps, actor, refs.filter((r) => r.kind === 'notification').map((r) => r.id)),
      ]);
      const eventById = new Map<string, TicketFeedEvent>(events.map((e) => [e.event.id, e]));
      const noteById = new Map<string, { userId: string; notification: NotificationView }>(notifications.map((n) => [n.notification.id, n]));
      for (const r of refs) {
        if (r.kind === 'event') {
          const e = eventById.get(r.id);
          if (e) this.hub.publishEvent(tenantId, e);
        } else {
          const n = noteById.get(r.id);
          if (n) this.hub.publishNotification(tenantId, n.userId, n.notification);
        }
      }
    }
  }
}
