import type { Queryable } from '../../../platform/db/database';
import { chaseRepository } from './chase-repository';

/**
 * 催单 counts from their one source, `ticket_chases`, in the caller's transaction: every ticket of
 * `ticketIds` (0 when never chased). A ticket in `upTo` (ticket id → the customer message's event id,
 * `ticket.chased`'s `data.eventId`) counts only the chases recorded up to and including that one — the
 * count as of that chase (its seq), however many were recorded after it before the reader ran.
 */
export async function chaseCounts(q: Queryable, ticketIds: string[], upTo: ReadonlyMap<string, string> = new Map()): Promise<Map<string, number>> {
  const ids = [...new Set([...ticketIds, ...upTo.keys()])];
  const counts = await chaseRepository.countsByTicket(q, ids.map((ticketId) => ({ ticketId, upTo: upTo.get(ticketId) ?? null })));
  return new Map(ids.map((id) => [id, counts.get(id) ?? 0]));
}
