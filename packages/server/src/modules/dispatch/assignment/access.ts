import type { Deps } from '../../../platform/deps';
import { forbidden } from '../../../platform/errors';
import { isStaff, type Actor } from '../../identity';
import { getTicket } from '../../tickets';

/** Staff who may see the ticket (by id or number): its id. Customers never see dispatch. */
export async function visibleTicketId(deps: Deps, actor: Actor, idOrNumber: string): Promise<string> {
  if (!isStaff(actor)) throw forbidden('Only staff see dispatch');
  return (await getTicket(deps, actor, idOrNumber)).id;
}

/** Dispatchers (agents, supervisors, admins) only: engineers and customers are refused. */
export function requireDispatcher(actor: Actor, what: string): void {
  if (!['admin', 'supervisor', 'agent'].includes(actor.role)) throw forbidden(`${what} is for dispatchers (agents, supervisors, admins)`);
}
