import type { Deps } from '../../../platform/deps';
import { invalid, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { policyRepository } from './policy-repository';

/**
 * Removes a team's or category's policy (it then follows the tenant's). The tenant's own policy is not
 * removed this way: that would silently turn dispatch off for every ticket; switching to manual dispatch
 * is said explicitly, with PUT mode "manual".
 */
export async function deletePolicy(deps: Deps, actor: Actor, scope: 'tenant' | 'team' | 'category', scopeId: string | undefined): Promise<void> {
  requireRole(actor, DISPATCH_MANAGERS);
  if (scope === 'tenant') {
    throw invalid('scope', "The tenant's own dispatch policy cannot be deleted, only a team's or a category's; to dispatch by hand, set it to manual with PUT /api/v1/dispatch/policies {\"scope\":\"tenant\",\"mode\":\"manual\"}", 'not_allowed', 'tenant');
  }
  const gone = await deps.db.tenant(actor.tenantId, (q) => policyRepository.delete(q, scope, scopeId ?? null));
  if (!gone) throw notFound('Dispatch policy');
}
