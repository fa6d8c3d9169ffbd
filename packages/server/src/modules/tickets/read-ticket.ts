import type { Queryable } from '../../platform/db/database';
import { ticketRepository, type TicketRow } from './ticket-repository';

/**
 * A ticket's stored row by id, read in the caller's transaction (row-level security hides other
 * tenants' tickets); no visibility check: for modules acting for the system, or after `getTicket`.
 */
export function readTicket(q: Queryable, id: string): Promise<TicketRow | undefined> {
  return ticketRepository.byId(q, id);
}
