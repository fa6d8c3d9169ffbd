import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { forbidden, invalid, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { parseSort } from '../tickets';
import { assertCanShare, assertVisibleView, canEditView, viewUser } from './access';
import { nameConflict, type SavedViewInput } from './create-view';
import { toSavedView, type SavedView } from './saved-view';
import { ownerNamed } from './owner-names';
import { viewRepository } from './view-repository';

/** Renames a view or changes its filters, columns, sort or sharing (filters and columns are replaced whole). */
export async function updateView(deps: Deps, actor: Actor, id: string, input: Partial<SavedViewInput>): Promise<SavedView> {
  viewUser(actor);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  if (input.shared) assertCanShare(actor);
  if (input.sort !== undefined) parseSort(input.sort);
  const name = input.name?.trim();
  try {
    const row = await deps.db.tenant(actor.tenantId, async (q) => {
      const v = assertVisibleView(actor, await viewRepository.byId(q, id));
      if (!canEditView(actor, v)) throw forbidden(v.shared ? 'Only admins and supervisors can change a shared view' : 'Only its owner can change this view');
      const updated = await viewRepository.update(q, id, {
        name,
        filters: input.filters,
        columns: input.columns && [...new Set(input.columns)],
        sort: input.sort,
        shared: input.shared,
        updated_at: deps.clock.now(),
      });
      return (await ownerNamed(q, [updated]))[0];
    });
    if (!row) throw notFound('View');
    return toSavedView(row, actor);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameConflict(name ?? '');
    throw err;
  }
}
