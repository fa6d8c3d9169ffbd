import type { Deps } from '../../../platform/deps';
import { invalid } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { announceStatus } from './announce-status';
import { profileRepository } from './profile-repository';
import { checkOutlet, profileChanges, staffMember } from './profile-rules';
import type { ProfileInput } from './profile-schemas';
import { shiftClock, toProfileView, type ProfileView } from './profile-view';

/** Sets the given fields of a person's dispatch profile (admins and supervisors); the rest stay as they were,
 * and a partial shift, capacity or daily limit is merged with the stored one. */
export async function updateProfile(deps: Deps, actor: Actor, userId: string, input: ProfileInput): Promise<ProfileView> {
  requireRole(actor, DISPATCH_MANAGERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const user = await staffMember(q, userId);
    await checkOutlet(q, input.outletId);
    // shift, capacity and the daily limit merge with the stored ones: read under a row lock, so two edits both count
    const merging = input.shift || input.capacity || input.dailyLimit || input.status;
    const before = merging ? await profileRepository.byUser(q, userId, { forUpdate: true }) : undefined;
    const changes = profileChanges(input, now, before);
    const row = await profileRepository.upsert(q, actor.tenantId, userId, changes, now);
    if (changes.status && changes.status !== (before?.status ?? 'available')) await announceStatus(q, actor.tenantId, userId, changes.status, now);
    return toProfileView(user, row, await shiftClock(q, now));
  });
}
