import type { Deps } from '../../../platform/deps';
import { forbidden } from '../../../platform/errors';
import { isStaff, type Actor } from '../../identity';
import { getTicket } from '../../tickets';
import { DISPATCH_READERS } from '../profiles/access';

/** Staff who may see the ticket (by id or number): its id. Customers never see dispatch. */
export async function visibleTicketId(deps: Deps, actor: Actor, idOrNumber: string): Promise<string> {
  if (!isStaff(actor)) throw forbidden('Only staff see dispatch');
  return (await getTicket(deps, actor, idOrNumber)).id;
}

/** Dispatchers (agents, supervisors, admins: DISPATCH_READERS) only: engineers and customers are refused. */
export function requireDispatcher(actor: Actor, what: string): void {
  if (!DISPATCH_READERS.includes(actor.role)) throw forbidden(`${what} is for dispatchers (agents, supervisors, admins)`);
}
