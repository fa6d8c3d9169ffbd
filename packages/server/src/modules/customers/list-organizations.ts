import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_READERS } from './access';
import { organizationRepository } from './organization-repository';
import type { CustomerTier } from './tiers';
import { pageOf, toOrganizationView, type OrganizationView } from './views';

export interface ListOrganizationsInput {
  q?: string;
  tier?: CustomerTier;
  limit?: number;
  offset?: number;
}

export async function listOrganizations(deps: Deps, actor: Actor, input: ListOrganizationsInput): Promise<{ items: OrganizationView[]; nextOffset: number | null }> {
  requireRole(actor, CUSTOMER_READERS);
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const rows = await deps.db.tenant(actor.tenantId, (q) =>
    organizationRepository.list(q, { q: input.q || undefined, tier: input.tier, limit: limit + 1, offset }),
  );
  return pageOf(rows, limit, offset, toOrganizationView);
}
