import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { fieldRepository } from './field-repository';

/** The tenant's field settings: how far from the site a check-in may be before it is flagged. */
export async function getFieldSettings(deps: Deps, actor: Actor): Promise<{ checkInRadiusM: number }> {
  return deps.db.tenant(actor.tenantId, async (q) => ({ checkInRadiusM: await fieldRepository.checkInRadius(q) }));
}

export async function putFieldSettings(deps: Deps, actor: Actor, input: { checkInRadiusM: number }): Promise<{ checkInRadiusM: number }> {
  requireRole(actor, ['admin']);
  await deps.db.tenant(actor.tenantId, (q) => fieldRepository.setCheckInRadius(q, actor.tenantId, input.checkInRadiusM, deps.clock.now()));
  return { checkInRadiusM: input.checkInRadiusM };
}
