import type { Deps } from '../../platform/deps';
import { isUuid } from '../../platform/ids';
import { invalid } from '../../platform/errors';
import type { Actor } from '../identity';
import { eventRepository } from './event-repository';
import { toEventView } from './event-view';
import { ticketRepository } from './ticket-repository';
import { assertVisible } from './visibility';

/**
 * The ticket's timeline and audit trail, oldest first (or newest first with order 'desc'), paged by event
 * id: `after` is the last event of the previous page. The ticket is given by id or by number (so a page
 * opened at /tickets/:number asks for the ticket and its timeline at once). Customers never see internal events.
 */
export async function listTicketEvents(deps: Deps, actor: Actor, ticketRef: string, f: { after?: string; limit?: number; order?: 'asc' | 'desc' }) {
  if (f.after && !isUuid(f.after)) throw invalid('after', 'after must be an event id', 'invalid_cursor');
  const limit = f.limit ?? 100;
  return deps.db.tenant(actor.tenantId, async (q) => {
    const ticket = assertVisible(actor, await ticketRepository.byRef(q, ticketRef, { names: false }));
    const rows = await eventRepository.list(q, ticket.id, { after: f.after, limit: limit + 1, includeInternal: actor.role !== 'customer', desc: f.order === 'desc' });
    const page = rows.slice(0, limit);
    return {
      items: page.map(toEventView),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  });
}
