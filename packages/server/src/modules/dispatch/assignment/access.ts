import type { Deps } from '../../../platform/deps';
import { forbidden } from '../../../platform/errors';
import { isStaff, type Actor } from '../../identity';
import { getTicket } from '../../tickets';

/** Staff who may see the ticket (by id or number): its id. Customers never see dispatch. */
export async function visibleTicketId(deps: Deps, actor: Actor, idOrNumber: string): Promise<string> {
  if (!isStaff(actor)) throw forbidden('Only staff see dispatch');
  return (await getTicket(deps, actor, idOrNumber)).id;
}
