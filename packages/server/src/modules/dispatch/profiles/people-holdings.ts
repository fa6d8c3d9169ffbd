import type { Queryable } from '../../../platform/db/database';
import { activeUsersWithRoles, tenantTimeZone } from '../../identity';
import { localTime } from '../engine/shift';
import { DISPATCHABLE } from './access';
import { profileRepository, type Certification } from './profile-repository';

// What each active person of the tenant holds that a rule may ask for, as dispatch reads it: a person
// without a profile row has the defaults the assignment side gives them (no skills, Chinese, no
// regional limit). Read for the vocabulary and for the warnings on a rule's save.

export interface Holdings {
  teamIds: string[];
  skills: Record<string, number>;
  certifications: Certification[];
  regions: string[];
  /** a drawn service area: a site inside it may qualify whatever the named regions */
  hasArea: boolean;
  languages: string[];
  productLines: string[];
}

export async function activeHoldings(q: Queryable): Promise<Holdings[]> {
  const [people, rows] = await Promise.all([activeUsersWithRoles(q, DISPATCHABLE), profileRepository.listForTenant(q)]);
  const byUser = new Map(rows.map((r) => [r.user_id, r]));
  return people.map((u) => {
    const p = byUser.get(u.id);
    return {
      teamIds: u.team_ids,
      skills: p?.skills ?? {},
      certifications: p?.certifications ?? [],
      regions: p?.regions ?? [],
      hasArea: !!p?.area,
      languages: p?.languages ?? ['zh'],
      productLines: p?.product_lines ?? [],
    };
  });
}

/** Today in the tenant's zone (YYYY-MM-DD): the day a certification must be valid on. */
export async function tenantToday(q: Queryable, now: Date): Promise<string> {
  return localTime(now, await tenantTimeZone(q)).date;
}
