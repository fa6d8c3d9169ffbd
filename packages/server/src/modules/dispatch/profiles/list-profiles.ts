import type { Deps } from '../../../platform/deps';
import { activeUsersWithRoles, requireRole, type Actor } from '../../identity';
import { DISPATCHABLE, DISPATCH_MANAGERS } from './access';
import { profileRepository } from './profile-repository';
import { shiftClock, toProfileView, type ProfileView } from './profile-view';

/** Every active staff member with their dispatch profile (defaults for those without one), by name. */
export async function listProfiles(deps: Deps, actor: Actor): Promise<ProfileView[]> {
  requireRole(actor, DISPATCH_MANAGERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const people = await activeUsersWithRoles(q, DISPATCHABLE);
    const rows = await profileRepository.listForTenant(q);
    const byUser = new Map(rows.map((r) => [r.user_id, r]));
    const clock = await shiftClock(q, deps.clock.now());
    return people.map((u) => toProfileView(u, byUser.get(u.id), clock));
  });
}
