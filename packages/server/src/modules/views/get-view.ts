import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { assertVisibleView, viewUser } from './access';
import { toSavedView, type SavedView } from './saved-view';
import { ownerNamed } from './owner-names';
import { viewRepository } from './view-repository';

/** One view: the user's own or a shared one (another user's personal view is reported as not found). */
export async function getView(deps: Deps, actor: Actor, id: string): Promise<SavedView> {
  viewUser(actor);
  const row = await deps.db.tenant(actor.tenantId, async (q) => (await ownerNamed(q, [await viewRepository.byId(q, id)]))[0]);
  return toSavedView(assertVisibleView(actor, row), actor);
}
