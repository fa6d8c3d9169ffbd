import type { UserProfile } from '../../identity';
import type { ProfileRow } from './profile-repository';

// The API shape of a person's dispatch profile: their row, or the defaults when they have none
// (dispatched on team memberships alone, with the tenant's default capacity).

export function toProfileView(u: UserProfile, p: ProfileRow | undefined) {
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
    home: p && p.home_lat !== null && p.home_lng !== null ? { lat: p.home_lat, lng: p.home_lng } : null,
    outletId: p?.outlet_id ?? null,
    status: p?.status ?? 'available',
    statusAt: p?.status_at ? p.status_at.toISOString() : null,
  };
}
export type ProfileView = ReturnType<typeof toProfileView>;
