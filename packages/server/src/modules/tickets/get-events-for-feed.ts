import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { eventFeedRepository } from './event-feed-repository';
import { toEventView, type EventView } from './event-view';

/** A committed ticket event with the ticket fields that decide its audience (see canSeeFeedEvent). */
export interface TicketFeedEvent {
  ticket: { id: string; number: number; assigneeId: string | null; teamId: string | null; requesterId: string | null };
  event: EventView;
}

/**
 * Events for the live feed, read by the platform (`actor` is the tenant's system actor) in event order;
 * each receiver is then checked with canSeeFeedEvent. Events that are gone are left out.
 */
export async function getEventsForFeed(deps: Deps, actor: Actor, eventIds: string[]): Promise<TicketFeedEvent[]> {
  if (!eventIds.length) return [];
  const rows = await deps.db.tenant(actor.tenantId, (q) => eventFeedRepository.byIds(q, eventIds));
  return rows.map((row) => ({
    ticket: { id: row.ticket_id, number: Number(row.number), assigneeId: row.assignee_id, teamId: row.team_id, requesterId: row.requester_id },
    event: toEventView(row),
  }));
}
