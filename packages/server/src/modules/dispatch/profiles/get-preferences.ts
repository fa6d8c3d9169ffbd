import type { Queryable } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { contactExists, organizationNames } from '../../customers';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_READERS } from './access';
import { preferenceRepository } from './preference-repository';
import { toPreferenceView, type PreferenceOwner, type PreferenceView } from './preference-schemas';

export async function checkOwner(q: Queryable, owner: PreferenceOwner): Promise<void> {
  if (owner.contactId && !(await contactExists(q, owner.contactId))) throw notFound('Contact', 'contactId');
  if (owner.organizationId && !(await organizationNames(q, [owner.organizationId])).size) throw notFound('Organization', 'organizationId');
}

/** A contact's or organization's preferred and excluded people (empty lists when none are set). */
export async function getPreferences(deps: Deps, actor: Actor, owner: PreferenceOwner): Promise<PreferenceView> {
  requireRole(actor, DISPATCH_READERS);
  const row = await deps.db.tenant(actor.tenantId, async (q) => {
    await checkOwner(q, owner);
    return preferenceRepository.byOwner(q, owner);
  });
  return toPreferenceView(owner, row);
}
