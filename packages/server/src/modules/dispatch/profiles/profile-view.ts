import type { Queryable } from '../../../platform/db/database';
import { tenantTimeZone, type UserProfile } from '../../identity';
import { workCalendar } from '../assignment/work-calendar';
import { localTime, onShift, type LocalTime } from '../engine/shift';
import type { WorkCalendar } from '../engine/types';
import type { ProfileRow } from './profile-repository';

/** The moment a view is read at, in the tenant's zone, and its working calendar: for `shiftNow`. */
export interface ShiftClock {
  local: LocalTime;
  calendar: WorkCalendar | null;
}

export async function shiftClock(q: Queryable, now: Date): Promise<ShiftClock> {
  const [timeZone, calendar] = await Promise.all([tenantTimeZone(q), workCalendar(q)]);
  return { local: localTime(now, timeZone), calendar };
}

// The API shape of a person's dispatch profile: their row, or the defaults when they have none
// (dispatched on team memberships alone, with the tenant's default capacity).

export function toProfileView(u: UserProfile, p: ProfileRow | undefined, clock: ShiftClock) {
  return {
    userId: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    teamIds: u.team_ids,
    configured: !!p,
    skills: p?.skills ?? {},
    certifications: p?.certifications ?? [],
    regions: p?.regions ?? [],
    area: p?.area ?? null,
    languages: p?.languages ?? ['zh'],
    productLines: p?.product_lines ?? [],
    shift: p?.shift ? { ...p.shift, followsCalendar: p.shift.followsCalendar ?? false } : null,
    capacity: p?.capacity ?? {},
    dailyLimit: p?.daily_limit ?? {},
    home: p && p.home_lat !== null && p.home_lng !== null ? { lat: p.home_lat, lng: p.home_lng } : null,
    outletId: p?.outlet_id ?? null,
    status: p?.status ?? 'available',
    statusAt: p?.status_at ? p.status_at.toISOString() : null,
    /** the shift pattern (on the working calendar when it follows it) covers this moment; the status aside */
    shiftNow: onShift(p?.shift ?? null, clock.local, clock.calendar),
  };
}
export type ProfileView = ReturnType<typeof toProfileView>;
