import type { Queryable } from '../../platform/db/database';
import type { Role, Scope } from './actor';
import { teamRepository } from './team-repository';
import { tenantRepository } from './tenant-repository';
import { userRepository, type UserRow } from './user-repository';

// What other modules may read (or, for a merged contact, change) of identity's tables, inside their
// own transaction. They never use identity's repositories.

/** A user as other modules see them: no credentials. */
export interface UserProfile {
  id: string;
  email: string;
  name: string;
  role: Role;
  scope: Scope;
  active: boolean;
  contact_id: string | null;
  team_ids: string[];
}

const summary = (u: UserProfile): UserProfile => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  scope: u.scope,
  active: u.active,
  contact_id: u.contact_id,
  team_ids: u.team_ids ?? [],
});

export async function userById(q: Queryable, id: string): Promise<UserProfile | undefined> {
  const u = await userRepository.byId(q, id);
  return u && summary({ ...u, team_ids: u.team_ids ?? [] });
}

export async function usersByIds(q: Queryable, ids: string[]): Promise<UserProfile[]> {
  return (await userRepository.byIds(q, ids)).map((u) => summary({ ...u, team_ids: u.team_ids ?? [] }));
}

/** Users of the tenant with these ids or (case-insensitively) these emails, in one query. */
export async function usersByIdsOrEmails(q: Queryable, ids: string[], emails: string[]): Promise<UserProfile[]> {
  return (await userRepository.byIdsOrEmails(q, ids, emails)).map((u) => summary({ ...u, team_ids: u.team_ids ?? [] }));
}

/** A user's whole account row (the demo loader acts as an existing administrator). */
export const userAccount = (q: Queryable, id: string): Promise<UserRow | undefined> => userRepository.byId(q, id);

/** Active users of the tenant with these roles (e.g. agents and engineers) and their team memberships, by name. */
export async function activeUsersWithRoles(q: Queryable, roles: Role[]): Promise<UserProfile[]> {
  return (await userRepository.activeWithRoles(q, roles)).map((u) => summary({ ...u, team_ids: u.team_ids ?? [] }));
}

/** Whether a user can be given tickets: exists, active, not a customer. */
export const userAssignability = (q: Queryable, id: string) => userRepository.assignability(q, id);

/** Active staff of the tenant with these emails (for @mentions). */
export const staffIdsByEmails = (q: Queryable, emails: string[]) => userRepository.staffIdsByEmails(q, emails);

/** Those of these users who are active staff of the tenant. */
export const activeStaffIds = (q: Queryable, ids: string[]) => userRepository.activeStaffIds(q, ids);

/** Names of users and teams by id, one query for both (absent ids are left out). */
export async function peopleNames(q: Queryable, userIds: string[], teamIds: string[]): Promise<{ users: Map<string, string>; teams: Map<string, string> }> {
  const rows = await userRepository.names(q, [...new Set(userIds)], [...new Set(teamIds)]);
  const users = new Map<string, string>();
  const teams = new Map<string, string>();
  for (const r of rows) (r.kind === 'user' ? users : teams).set(r.id, r.name);
  return { users, teams };
}

/** Whether the team exists in this tenant. */
export async function teamExists(q: Queryable, id: string): Promise<boolean> {
  return (await teamRepository.existingIds(q, [id])).length > 0;
}

/** The tenant's teams (id and name), by name. */
export async function listTeamNames(q: Queryable): Promise<{ id: string; name: string }[]> {
  return (await teamRepository.list(q)).map((t) => ({ id: t.id, name: t.name }));
}

/** Portal sign-ins of a contact now act as another contact (the two were merged); how many moved. */
export const moveContactSignIns = (q: Queryable, fromContactId: string, toContactId: string) => userRepository.moveContact(q, fromContactId, toContactId);

/** System transaction: every tenant with its number of users, oldest first. */
export async function tenantSummaries(q: Queryable): Promise<{ id: string; slug: string; name: string; time_zone: string | null; created_at: Date; users: number }[]> {
  return (await tenantRepository.listWithUserCounts(q)).map((t) => ({
    id: t.id,
    slug: t.slug,
    name: t.name,
    time_zone: t.settings?.timeZone ?? null,
    created_at: t.created_at,
    users: t.users,
  }));
}
