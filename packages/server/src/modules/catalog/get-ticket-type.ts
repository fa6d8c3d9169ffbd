import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole, STAFF } from '../identity';
import { catalogRepository } from './catalog-repository';
import { toCustomFieldView, toTicketTypeView, type CustomFieldView, type TicketTypeView } from './views';

/** A ticket type with the custom fields its tickets have (global ones and its own). */
export async function getTicketType(deps: Deps, actor: Actor, id: string): Promise<TicketTypeView & { fields: CustomFieldView[] }> {
  requireRole(actor, [...STAFF, 'customer']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const type = await catalogRepository.typeById(q, id);
    if (!type || (actor.role === 'customer' && !type.active)) throw notFound('Ticket type');
    const fields = await catalogRepository.fieldsForType(q, id);
    return { ...toTicketTypeView(type), fields: fields.map(toCustomFieldView) };
  });
}
