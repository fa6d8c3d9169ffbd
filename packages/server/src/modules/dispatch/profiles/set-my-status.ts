import type { Deps } from '../../../platform/deps';
import { forbidden } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { DISPATCHABLE } from './access';
import { announceStatus } from './announce-status';
import { profileRepository } from './profile-repository';
import type { DispatchStatus } from './profile-schemas';

/**
 * A person says whether they can take work (在线/忙碌/离开/下班). Announced through the outbox even when
 * unchanged, so a repeated 下班 still hands back work the assignment side may have missed.
 */
export async function setMyStatus(deps: Deps, actor: Actor, status: DispatchStatus): Promise<{ status: DispatchStatus; statusAt: string }> {
  requireRole(actor, DISPATCHABLE);
  if (actor.type !== 'user' || !actor.id) throw forbidden('Only a signed-in person has a dispatch status');
  const userId = actor.id;
  const now = deps.clock.now();
  await deps.db.tenant(actor.tenantId, async (q) => {
    await profileRepository.upsert(q, actor.tenantId, userId, { status, status_at: now }, now);
    await announceStatus(q, actor.tenantId, userId, status, now);
  });
  return { status, statusAt: now.toISOString() };
}
