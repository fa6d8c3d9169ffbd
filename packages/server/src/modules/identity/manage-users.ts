import type { Deps } from '../../platform/deps';
import { AppError, invalid, notFound } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import type { Actor, Role, Scope } from './actor';
import { assertPasswordAllowed } from './password-policy';
import { hashPassword } from './passwords';
import { requireRole } from './require-role';
import { teamRepository } from './team-repository';
import { userRepository, type UserRow } from './user-repository';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  scope?: Scope;
  phone?: string;
  password?: string;
  locale?: string;
  teamIds?: string[];
  contactId?: string;
}

export async function createUser(deps: Deps, actor: Actor, input: CreateUserInput): Promise<UserRow> {
  requireRole(actor, ['admin']);
  if (input.password) assertPasswordAllowed('password', input.password, input.email);
  if (input.role === 'customer' && !input.contactId) throw invalid('contactId', 'A customer user needs the contact it signs in as', 'required');
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await deps.db.tenant(actor.tenantId, async (q) => {
      // customers is reached through a port (it imports identity): contact-port.ts
      if (input.contactId && !(await deps.contactExists(q, input.contactId))) throw notFound('Contact', 'contactId');
      const teamIds = [...new Set(input.teamIds ?? [])];
      await checkTeams(q, teamIds);
      const user = await userRepository.insert(q, {
        id: uuidv7(),
        tenant_id: actor.tenantId,
        email: input.email.trim().toLowerCase(),
        name: input.name,
        phone: input.phone ?? null,
        role: input.role,
        scope: input.scope ?? (input.role === 'engineer' ? 'own' : 'all'),
        password_hash: passwordHash,
        locale: input.locale ?? 'zh-CN',
        contact_id: input.contactId ?? null,
      });
      for (const teamId of teamIds)
        await teamRepository.addMember(q, actor.tenantId, teamId, user.id);
      return { ...user, team_ids: teamIds };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A user with email ${input.email} already exists`, { field: 'email' });
    throw err;
  }
}

export interface UpdateUserInput {
  name?: string;
  phone?: string;
  role?: Role;
  scope?: Scope;
  locale?: string;
  active?: boolean;
  password?: string;
  /** The user's teams, replacing the memberships they have. */
  teamIds?: string[];
}

/** Teams of the tenant with these ids, or NOT_FOUND naming the first unknown one. */
async function checkTeams(q: Parameters<typeof teamRepository.existingIds>[0], teamIds: string[]): Promise<void> {
  const known = await teamRepository.existingIds(q, teamIds);
  const missing = teamIds.find((t) => !known.includes(t));
  if (missing) throw notFound(`Team ${missing}`, 'teamIds');
}

export async function updateUser(deps: Deps, actor: Actor, id: string, input: UpdateUserInput): Promise<UserRow> {
  const self = actor.type === 'user' && actor.id === id;
  const adminOnly = input.role !== undefined || input.scope !== undefined || input.active !== undefined || input.teamIds !== undefined;
  if (!self || adminOnly) requireRole(actor, ['admin']);
  if (input.password) {
    // the policy needs the account's email; hashing then happens outside any transaction
    const user = await deps.db.tenant(actor.tenantId, (q) => userRepository.byId(q, id));
    if (!user) throw notFound('User');
    assertPasswordAllowed('password', input.password, user.email);
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const { teamIds, ...fields } = input;
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await userRepository.update(q, id, { ...fields, password_hash: passwordHash }))) throw notFound('User');
    if (teamIds) {
      const wanted = [...new Set(teamIds)];
      await checkTeams(q, wanted);
      await teamRepository.setUserTeams(q, actor.tenantId, id, wanted);
    }
    return (await userRepository.byId(q, id))!;
  });
}

/** A page of users by name / email, role; with ids, those users (all of them: the limit does not cut the list). */
export async function listUsers(deps: Deps, actor: Actor, f: { role?: Role; q?: string; ids?: string[]; limit?: number; offset?: number }): Promise<UserRow[]> {
  requireRole(actor, ['admin', 'supervisor', 'agent', 'engineer']);
  const ids = f.ids ? [...new Set(f.ids)] : undefined;
  const page = ids ? { limit: ids.length, offset: 0 } : { limit: f.limit ?? 100, offset: f.offset ?? 0 };
  return deps.db.tenant(actor.tenantId, (q) => userRepository.list(q, { role: f.role, q: f.q, ids, ...page }));
}

export async function getUser(deps: Deps, actor: Actor, id: string): Promise<UserRow> {
  const self = actor.type === 'user' && actor.id === id;
  if (!self) requireRole(actor, ['admin', 'supervisor', 'agent', 'engineer']);
  const row = await deps.db.tenant(actor.tenantId, (q) => userRepository.byId(q, id));
  if (!row) throw notFound('User');
  return row;
}
