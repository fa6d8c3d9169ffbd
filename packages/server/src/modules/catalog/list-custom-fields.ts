import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole, STAFF } from '../identity';
import { catalogRepository } from './catalog-repository';
import { toCustomFieldView, type CustomFieldView } from './views';

/**
 * Custom field definitions: with a type, those a ticket of that type has (global + the type's);
 * without, every definition. Customers see only global ones and those of active types.
 */
export async function listCustomFields(deps: Deps, actor: Actor, input: { ticketTypeId?: string }): Promise<{ items: CustomFieldView[] }> {
  requireRole(actor, [...STAFF, 'customer']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const types = await catalogRepository.listTypes(q);
    const visible = new Set(types.filter((t) => actor.role !== 'customer' || t.active).map((t) => t.id));
    if (input.ticketTypeId && !visible.has(input.ticketTypeId)) throw notFound('Ticket type', 'ticketTypeId');
    const rows = await catalogRepository.listFields(q, input.ticketTypeId);
    return { items: rows.filter((f) => f.ticket_type_id === null || visible.has(f.ticket_type_id)).map(toCustomFieldView) };
  });
}
