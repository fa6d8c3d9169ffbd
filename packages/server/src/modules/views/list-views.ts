import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { viewUser } from './access';
import { toSavedView, type SavedView } from './saved-view';
import { ownerNamed } from './owner-names';
import { viewRepository } from './view-repository';

/** The user's own views, then the views shared with the tenant. */
export async function listViews(deps: Deps, actor: Actor): Promise<SavedView[]> {
  const userId = viewUser(actor);
  const rows = await deps.db.tenant(actor.tenantId, async (q) => ownerNamed(q, await viewRepository.listFor(q, userId)));
  return rows.map((v) => toSavedView(v, actor));
}
