import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_WRITERS } from './access';
import { contactRepository } from './contact-repository';
import { organizationRepository } from './organization-repository';
import type { CustomerTier } from './tiers';
import { toContactView, type ContactView } from './views';

export interface UpdateContactInput {
  name?: string;
  organizationId?: string | null;
  tier?: CustomerTier | null;
  notes?: string;
}

export async function updateContact(deps: Deps, actor: Actor, id: string, input: UpdateContactInput): Promise<ContactView> {
  requireRole(actor, CUSTOMER_WRITERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (input.organizationId && !(await organizationRepository.exists(q, input.organizationId))) throw notFound('Organization', 'organizationId');
    if (!(await contactRepository.update(q, id, { ...input, name: input.name?.trim() }))) throw notFound('Contact');
    return toContactView((await contactRepository.byId(q, id))!);
  });
}
