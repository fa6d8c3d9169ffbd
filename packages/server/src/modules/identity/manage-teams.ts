import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from './actor';
import { requireRole, STAFF } from './require-role';
import { teamRepository, type TeamRow } from './team-repository';
import { userRepository } from './user-repository';

export interface TeamInput {
  name?: string;
  description?: string;
  skills?: string[];
  memberIds?: string[];
}

async function checkMembers(q: Parameters<typeof userRepository.byIds>[0], ids: string[]) {
  const found = await userRepository.byIds(q, ids);
  const missing = ids.find((id) => !found.some((u) => u.id === id));
  if (missing) throw notFound(`User ${missing}`, 'memberIds');
}

function conflict(err: unknown, name?: string): never {
  if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A team named ${name} already exists`, { field: 'name' });
  throw err;
}

export async function createTeam(deps: Deps, actor: Actor, input: TeamInput & { name: string }): Promise<TeamRow> {
  requireRole(actor, ['admin']);
  const id = uuidv7();
  return deps.db
    .tenant(actor.tenantId, async (q) => {
      await checkMembers(q, input.memberIds ?? []);
      await teamRepository.insert(q, { id, tenantId: actor.tenantId, name: input.name, description: input.description ?? '', skills: input.skills ?? [] });
      await teamRepository.setMembers(q, actor.tenantId, id, input.memberIds ?? []);
      return (await teamRepository.byId(q, id))!;
    })
    .catch((err) => conflict(err, input.name));
}

export async function updateTeam(deps: Deps, actor: Actor, id: string, input: TeamInput): Promise<TeamRow> {
  requireRole(actor, ['admin', 'supervisor']);
  return deps.db
    .tenant(actor.tenantId, async (q) => {
      if (!(await teamRepository.update(q, id, input))) throw notFound('Team');
      if (input.memberIds) {
        await checkMembers(q, input.memberIds);
        await teamRepository.setMembers(q, actor.tenantId, id, input.memberIds);
      }
      return (await teamRepository.byId(q, id))!;
    })
    .catch((err) => conflict(err, input.name));
}

export async function listTeams(deps: Deps, actor: Actor): Promise<TeamRow[]> {
  requireRole(actor, STAFF);
  return deps.db.tenant(actor.tenantId, (q) => teamRepository.list(q));
}
