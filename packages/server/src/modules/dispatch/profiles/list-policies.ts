import type { Deps } from '../../../platform/deps';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_READERS } from './access';
import { policyRepository } from './policy-repository';
import { toPolicyView, type PolicyView } from './policy-schemas';

/** The tenant's dispatch policies: its default first, then per team and per category. */
export async function listPolicies(deps: Deps, actor: Actor): Promise<PolicyView[]> {
  requireRole(actor, DISPATCH_READERS);
  return (await deps.db.tenant(actor.tenantId, (q) => policyRepository.list(q))).map(toPolicyView);
}
