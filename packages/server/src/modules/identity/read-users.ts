import type { Queryable } from '../../platform/db/database';
import type { Role } from './actor';
import { lookupRepository } from './lookup-repository';

// User look-ups for other modules, in the caller's (tenant) transaction.

export interface UserSummary {
  id: string;
  name: string;
  role: Role;
  active: boolean;
}

/** A user of the tenant (any role, active or not). */
export function userSummary(q: Queryable, id: string): Promise<UserSummary | undefined> {
  return lookupRepository.user(q, id);
}

/** The names of these users, by id (unknown ids are left out). */
export async function userNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = await lookupRepository.userNames(q, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An active staff member (not a customer) of the tenant by email (case-insensitive) or id. */
export function activeStaffMember(q: Queryable, emailOrId: string): Promise<{ id: string; name: string } | undefined> {
  return lookupRepository.activeStaff(q, emailOrId);
}

/** The tenant's first administrator still active. */
export function firstActiveAdminId(q: Queryable): Promise<string | undefined> {
  return lookupRepository.firstActiveAdminId(q);
}

/** Whether the tenant has any user besides its administrators (staff or customers' portal accounts). */
export function hasUsersBesidesAdmins(q: Queryable): Promise<boolean> {
  return lookupRepository.hasUsersBesidesAdmins(q);
}
