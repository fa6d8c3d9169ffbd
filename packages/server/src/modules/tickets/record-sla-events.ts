import type { Queryable } from '../../platform/db/database';
import type { NewEvent } from './event-repository';
import type { SlaSummaryState } from './set-sla-summary';
import { slaEventRepository } from './sla-event-repository';

/**
 * What the SLA sweep writes for the clocks it fired, in one statement: their ticket events (the log
 * and the outbox, as `recordTicketEvents`), and for each ticket of `summaries` ONE row update that
 * marks it changed at `at` (as `recordTicketEvents` does) and sets its SLA summary (as
 * `setSlaSummaries`). Every ticket an event names must be in `summaries`: it is the list of rows
 * written — two updates of the row (each through all of the tickets' indexes) become one.
 */
export async function recordSlaEvents(
  q: Queryable,
  events: NewEvent[],
  summaries: { id: string; dueAt: Date | null; state: SlaSummaryState | null }[],
  at: Date,
): Promise<void> {
  const listed = new Set(summaries.map((s) => s.id));
  const missing = events.find((e) => !listed.has(e.ticketId));
  if (missing) throw new Error(`recordSlaEvents: no summary for ticket ${missing.ticketId} of event ${missing.kind}`);
  if (!events.length && !summaries.length) return;
  await slaEventRepository.recordWithSummaries(q, events, summaries, at);
}
