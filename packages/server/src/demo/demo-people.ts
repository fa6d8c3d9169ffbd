import type { Deps } from '../platform/deps';
import { createTeam, createUser, type Actor, type UserRow } from '../modules/identity';
import { STAFF, TEAMS, type StaffSeed, type TeamKey } from './data';
import { userActor } from './demo-tenant';

// Skill groups and the staff in them, and who in them does what.

export interface Staff {
  user: UserRow;
  actor: Actor;
  seed: StaffSeed;
}

export interface People {
  /** Team ids by key. */
  teams: Map<TeamKey, string>;
  /** In the order of STAFF. */
  staff: Staff[];
}

export interface PeopleOptions {
  tenantId: string;
  /** Staff sign in as `<login>@<domain>`. */
  domain: string;
  password: string;
}

export async function createPeople(deps: Deps, admin: Actor, opts: PeopleOptions): Promise<People> {
  const teams = new Map<TeamKey, string>();
  for (const t of TEAMS) teams.set(t.key, (await createTeam(deps, admin, { name: t.name, description: t.description, skills: t.skills })).id);
  const staffRows = await Promise.all(
    STAFF.map((s) =>
      createUser(deps, admin, {
        email: `${s.login}@${opts.domain}`,
        name: s.name,
        role: s.role,
        phone: s.phone,
        password: opts.password,
        locale: s.locale ?? 'zh-CN',
        teamIds: s.teams.map((k) => teams.get(k)!),
      }),
    ),
  );
  const staff = staffRows.map((u, i) => ({ user: u, actor: userActor(opts.tenantId, u), seed: STAFF[i] }));
  return { teams, staff };
}

export const staffByKey = (people: People, key: string): Staff => people.staff.find((s) => s.seed.key === key)!;

/** Staff of a team with one of the roles, in STAFF order. */
export const teamMembers = (people: People, team: TeamKey, roles: string[]): Staff[] =>
  people.staff.filter((s) => s.seed.teams.includes(team) && roles.includes(s.seed.role));

/** Li leads the front line and VIP desk, Chen the engineering teams. */
export const supervisorOf = (people: People, team: TeamKey): Staff => (['frontline', 'vip'].includes(team) ? staffByKey(people, 'sup-li') : staffByKey(people, 'sup-chen'));
