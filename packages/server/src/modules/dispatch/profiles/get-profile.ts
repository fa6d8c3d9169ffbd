import type { Deps } from '../../../platform/deps';
import { forbidden } from '../../../platform/errors';
import { isManager, requireRole, type Actor } from '../../identity';
import { DISPATCHABLE } from './access';
import { profileRepository } from './profile-repository';
import { staffMember } from './profile-rules';
import { shiftClock, toProfileView, type ProfileView } from './profile-view';

/** One person's dispatch profile: admins and supervisors read anyone's, agents and engineers their own. */
export async function getProfile(deps: Deps, actor: Actor, userId: string): Promise<ProfileView> {
  requireRole(actor, DISPATCHABLE);
  if (!isManager(actor) && actor.id !== userId) throw forbidden('You may read only your own dispatch profile');
  return deps.db.tenant(actor.tenantId, async (q) => {
    const user = await staffMember(q, userId);
    return toProfileView(user, await profileRepository.byUser(q, userId), await shiftClock(q, deps.clock.now()));
  });
}
