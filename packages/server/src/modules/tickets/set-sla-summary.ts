import type { Queryable } from '../../platform/db/database';
import { ticketRepository } from './ticket-repository';

export type SlaSummaryState = 'ok' | 'warning' | 'breached' | 'paused' | 'achieved';

/**
 * The ticket's SLA summary (its most urgent running clock), kept by the SLA module in the transaction
 * that recomputes the clocks: the list's SLA filter and "due soonest" sort read it. Not a change by
 * anyone: no event, updated_at untouched. A null state: no SLA applies.
 */
export async function setSlaSummary(q: Queryable, ticketId: string, dueAt: Date | null, state: SlaSummaryState | null): Promise<void> {
  await ticketRepository.setSlaSummaries(q, [{ id: ticketId, dueAt, state }]);
}

/** Many tickets' summaries in one statement. */
export async function setSlaSummaries(q: Queryable, list: { id: string; dueAt: Date | null; state: SlaSummaryState | null }[]): Promise<void> {
  await ticketRepository.setSlaSummaries(q, list);
}
