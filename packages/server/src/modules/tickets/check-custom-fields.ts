import type { Queryable } from '../../platform/db/database';
import { fieldsInvalid } from '../../platform/errors';
import { fieldDefinitionsFor, validateCustomFields } from '../catalog';

/**
 * Custom field values checked against the definitions of the ticket's type; a create (`partial`
 * false) also needs every required field. Returns the normalised values or refuses with each issue.
 */
export async function checkCustomFields(
  q: Queryable,
  tenantId: string,
  typeId: string | null,
  values: Record<string, unknown>,
  partial: boolean,
): Promise<Record<string, unknown>> {
  const checked = validateCustomFields(await fieldDefinitionsFor(q, tenantId, typeId), values, partial);
  if (checked.issues.length) throw fieldsInvalid(checked.issues);
  return checked.values;
}
