import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { parseSort } from '../tickets';
import { assertCanShare, viewUser } from './access';
import { toSavedView, type SavedView } from './saved-view';
import { ownerNamed } from './owner-names';
import { viewRepository } from './view-repository';

export interface SavedViewInput {
  name: string;
  /** The query parameters of GET /tickets (validated by the same schema), without sort, cursor and limit. */
  filters?: Record<string, unknown>;
  columns?: string[];
  /** As GET /tickets takes it: created_at | updated_at | number | priority, '-' for descending. */
  sort?: string;
  shared?: boolean;
}

export const DEFAULT_SORT = '-updated_at';

export const nameConflict = (name: string) => new AppError('CONFLICT', `You already have a view named ${name}`, { field: 'name' });

/** Saves a ticket list view for the signed-in user; admins and supervisors may share it with the tenant. */
export async function createView(deps: Deps, actor: Actor, input: SavedViewInput): Promise<SavedView> {
  const ownerId = viewUser(actor);
  if (input.shared) assertCanShare(actor);
  const sort = input.sort ?? DEFAULT_SORT;
  parseSort(sort);
  const now = deps.clock.now();
  const name = input.name.trim();
  try {
    const row = await deps.db.tenant(actor.tenantId, async (q) => {
      const v = await viewRepository.insert(q, {
        id: uuidv7(now.getTime()),
        tenant_id: actor.tenantId,
        owner_id: ownerId,
        name,
        filters: input.filters ?? {},
        columns: [...new Set(input.columns ?? [])],
        sort,
        shared: input.shared ?? false,
        created_at: now,
        updated_at: now,
      });
      return (await ownerNamed(q, [v]))[0];
    });
    return toSavedView(row, actor);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameConflict(name);
    throw err;
  }
}
