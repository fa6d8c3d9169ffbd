import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { requireRole, STAFF } from '../identity';
import { catalogRepository } from './catalog-repository';
import { toTicketTypeView, type TicketTypeView } from './views';

/** Ticket types by key; customers see only active ones. */
export async function listTicketTypes(deps: Deps, actor: Actor, input: { active?: boolean }): Promise<{ items: TicketTypeView[] }> {
  requireRole(actor, [...STAFF, 'customer']);
  const active = actor.role === 'customer' ? true : input.active;
  const rows = await deps.db.tenant(actor.tenantId, (q) => catalogRepository.listTypes(q));
  return { items: rows.filter((t) => active === undefined || t.active === active).map(toTicketTypeView) };
}
