import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_WRITERS } from './access';
import { organizationRepository } from './organization-repository';
import type { CustomerTier } from './tiers';
import { toOrganizationView, type OrganizationView } from './views';

export interface CreateOrganizationInput {
  name: string;
  tier?: CustomerTier;
  domain?: string | null;
  notes?: string;
}

export async function createOrganization(deps: Deps, actor: Actor, input: CreateOrganizationInput): Promise<OrganizationView> {
  requireRole(actor, CUSTOMER_WRITERS);
  const id = uuidv7();
  return deps.db.tenant(actor.tenantId, async (q) => {
    await organizationRepository.insert(q, {
      id,
      tenantId: actor.tenantId,
      name: input.name.trim(),
      tier: input.tier ?? 'standard',
      domain: input.domain ?? null,
      notes: input.notes ?? '',
    });
    return toOrganizationView((await organizationRepository.byId(q, id))!);
  });
}
