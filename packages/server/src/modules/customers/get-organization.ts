import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_READERS } from './access';
import { organizationRepository } from './organization-repository';
import { toOrganizationView, type OrganizationView } from './views';

export async function getOrganization(deps: Deps, actor: Actor, id: string): Promise<OrganizationView> {
  requireRole(actor, CUSTOMER_READERS);
  const row = await deps.db.tenant(actor.tenantId, (q) => organizationRepository.byId(q, id));
  if (!row) throw notFound('Organization');
  return toOrganizationView(row);
}
