import type { Queryable } from '../../platform/db/database';
import { fieldDefinitionsFor, missingRequiredFields } from '../catalog';
import type { Actor } from '../identity';
import type { TicketRow } from './ticket-repository';

/**
 * The ticket's required custom fields without a value, for staff ({} for customers): derived when the
 * ticket is read, not stored, so a field made required later or a value filled in shows at once. A
 * ticket from a channel or the portal may lack them (customers are not refused for them).
 */
export async function missingFieldsView(q: Queryable, actor: Actor, t: Pick<TicketRow, 'type_id' | 'custom_fields'>): Promise<{ missingFields?: string[] }> {
  if (actor.role === 'customer') return {};
  return { missingFields: missingRequiredFields(await fieldDefinitionsFor(q, actor.tenantId, t.type_id), t.custom_fields ?? {}) };
}
