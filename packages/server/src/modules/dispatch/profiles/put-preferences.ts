import type { Deps } from '../../../platform/deps';
import { fieldsInvalid, type FieldIssue } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { activeStaffIds, requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { checkOwner } from './get-preferences';
import { preferenceRepository } from './preference-repository';
import { toPreferenceView, type PreferenceInput, type PreferenceView } from './preference-schemas';

/** Sets whom a customer prefers and whom they never want sent (admins and supervisors). */
export async function putPreferences(deps: Deps, actor: Actor, input: PreferenceInput): Promise<PreferenceView> {
  requireRole(actor, DISPATCH_MANAGERS);
  const preferred = [...new Set(input.preferredUserIds)];
  const excluded = [...new Set(input.excludedUserIds)];
  const owner = { contactId: input.contactId, organizationId: input.organizationId };
  const now = deps.clock.now();
  const row = await deps.db.tenant(actor.tenantId, async (q) => {
    await checkOwner(q, owner);
    const staff = new Set(await activeStaffIds(q, [...preferred, ...excluded]));
    const issues: FieldIssue[] = [];
    preferred.forEach((id, i) => staff.has(id) || issues.push({ field: `preferredUserIds.${i}`, code: 'not_staff', message: `${id} is not active staff`, value: id }));
    excluded.forEach((id, i) => staff.has(id) || issues.push({ field: `excludedUserIds.${i}`, code: 'not_staff', message: `${id} is not active staff`, value: id }));
    const both = preferred.find((id) => excluded.includes(id));
    if (both) issues.push({ field: 'excludedUserIds', code: 'invalid', message: 'A person cannot be both preferred and excluded', value: both });
    if (issues.length) throw fieldsInvalid(issues);
    return preferenceRepository.put(q, { id: uuidv7(now.getTime()), tenantId: actor.tenantId, ...owner, preferred, excluded, now });
  });
  return toPreferenceView(owner, row);
}
