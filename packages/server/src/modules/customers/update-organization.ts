import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_WRITERS } from './access';
import { organizationRepository } from './organization-repository';
import type { CustomerTier } from './tiers';
import { toOrganizationView, type OrganizationView } from './views';

export interface UpdateOrganizationInput {
  name?: string;
  tier?: CustomerTier;
  domain?: string | null;
  notes?: string;
}

export async function updateOrganization(deps: Deps, actor: Actor, id: string, input: UpdateOrganizationInput): Promise<OrganizationView> {
  requireRole(actor, CUSTOMER_WRITERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await organizationRepository.update(q, id, { ...input, name: input.name?.trim() }))) throw notFound('Organization');
    return toOrganizationView((await organizationRepository.byId(q, id))!);
  });
}
