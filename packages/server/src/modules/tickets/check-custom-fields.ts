import type { Queryable } from '../../platform/db/database';
import { fieldsInvalid } from '../../platform/errors';
import { fieldDefinitionsFor, validateCustomFields, type FieldCheck } from '../catalog';

/**
 * Custom field values checked against the definitions of the ticket's type; `check` says how much of
 * the required fields must be given (see FieldCheck). Returns the normalised values or refuses with each issue.
 */
export async function checkCustomFields(
  q: Queryable,
  tenantId: string,
  typeId: string | null,
  values: Record<string, unknown>,
  check: FieldCheck,
): Promise<Record<string, unknown>> {
  const checked = validateCustomFields(await fieldDefinitionsFor(q, tenantId, typeId), values, check);
  if (checked.issues.length) throw fieldsInvalid(checked.issues);
  return checked.values;
}
