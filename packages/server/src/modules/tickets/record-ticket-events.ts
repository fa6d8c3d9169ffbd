import type { Queryable } from '../../platform/db/database';
import { eventRepository, type NewEvent } from './event-repository';
import { ticketRepository } from './ticket-repository';

export type { NewEvent as TicketEventInput } from './event-repository';

/**
 * Events another module records about tickets inside its own transaction, for what happened outside
 * the tickets' own columns (a device repeating its alarm): appended to the log (and so to the outbox)
 * in one statement, and the tickets marked changed at `at`.
 */
export async function recordTicketEvents(q: Queryable, events: NewEvent[], at: Date): Promise<void> {
  if (!events.length) return;
  await eventRepository.appendMany(q, events);
  await ticketRepository.touchMany(q, [...new Set(events.map((e) => e.ticketId))], at);
}
