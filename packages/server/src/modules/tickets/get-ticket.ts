import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { missingFieldsView } from './missing-fields';
import { ticketRepository } from './ticket-repository';
import { watchersOf } from './watchers-of';
import { toTicketView, type TicketView } from './ticket-view';
import { assertVisible } from './visibility';

/** One ticket by id or by its number, with its sub-task progress and watchers. */
export async function getTicket(deps: Deps, actor: Actor, idOrNumber: string): Promise<TicketView> {
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await ticketRepository.byRef(q, idOrNumber);
    if (!row) throw notFound('Ticket');
    const t = assertVisible(actor, row);
    const subtasks = await ticketRepository.childProgress(q, t.id);
    const watchers = (await watchersOf(q, t.id)).map((w) => w.user_id);
    return toTicketView(t, { subtasks, watcherIds: actor.role === 'customer' ? [] : watchers, ...(await missingFieldsView(q, actor, t)) });
  });
}
