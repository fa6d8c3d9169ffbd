import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { policyRepository } from './policy-repository';

/** Removes a team's or category's policy (it then follows the tenant's), or the tenant's own (manual dispatch). */
export async function deletePolicy(deps: Deps, actor: Actor, scope: 'tenant' | 'team' | 'category', scopeId: string | undefined): Promise<void> {
  requireRole(actor, DISPATCH_MANAGERS);
  const gone = await deps.db.tenant(actor.tenantId, (q) => policyRepository.delete(q, scope, scope === 'tenant' ? null : (scopeId ?? null)));
  if (!gone) throw notFound('Dispatch policy');
}
