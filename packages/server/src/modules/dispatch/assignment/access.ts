import type { Deps } from '../../../platform/deps';
import { AppError, forbidden } from '../../../platform/errors';
import { isUuid } from '../../../platform/ids';
import { isStaff, type Actor } from '../../identity';
import { getTicket, ticketIdByNumber } from '../../tickets';
import { DISPATCH_READERS } from '../profiles/access';
import { assertNotTakenAway } from './no-longer-yours';

/** Staff who may see the ticket (by id or number): its id. Customers never see dispatch. */
export async function visibleTicketId(deps: Deps, actor: Actor, idOrNumber: string): Promise<string> {
  if (!isStaff(actor)) throw forbidden('Only staff see dispatch');
  return (await getTicket(deps, actor, idOrNumber)).id;
}

/**
 * visibleTicketId for a person acting on their own job (接单, 拒单, 开始): a job taken from them since —
 * no longer visible to an engineer who sees only their own tickets — answers 409 DISPATCH_REASSIGNED /
 * DISPATCH_RETURNED rather than 404, so the phone can say what happened.
 */
export async function ownJobTicketId(deps: Deps, actor: Actor, idOrNumber: string): Promise<string> {
  try {
    return await visibleTicketId(deps, actor, idOrNumber);
  } catch (e) {
    const userId = actor.type === 'user' ? actor.id : undefined;
    if (!(e instanceof AppError) || e.code !== 'NOT_FOUND' || !userId) throw e;
    await deps.db.tenant(actor.tenantId, async (q) => {
      // a ticket number as the tickets module reads one (at most 15 digits): a longer one names no ticket,
      // and must not reach PostgreSQL as a bigint out of range
      const id = isUuid(idOrNumber) ? idOrNumber : /^\d{1,15}$/.test(idOrNumber) ? await ticketIdByNumber(q, Number(idOrNumber)) : undefined;
      if (id) await assertNotTakenAway(q, id, userId);
    });
    throw e;
  }
}

/** Dispatchers (agents, supervisors, admins: DISPATCH_READERS) only: engineers and customers are refused. */
export function requireDispatcher(actor: Actor, what: string): void {
  if (!DISPATCH_READERS.includes(actor.role)) throw forbidden(`${what} is for dispatchers (agents, supervisors, admins)`);
}
