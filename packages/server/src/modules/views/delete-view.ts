import type { Deps } from '../../platform/deps';
import { forbidden } from '../../platform/errors';
import type { Actor } from '../identity';
import { assertVisibleView, canEditView, viewUser } from './access';
import { viewRepository } from './view-repository';

/** Deletes a view: one's own personal view, or (admins and supervisors) a shared one. */
export async function deleteView(deps: Deps, actor: Actor, id: string): Promise<void> {
  viewUser(actor);
  await deps.db.tenant(actor.tenantId, async (q) => {
    const v = assertVisibleView(actor, await viewRepository.byId(q, id));
    if (!canEditView(actor, v)) throw forbidden(v.shared ? 'Only admins and supervisors can delete a shared view' : 'Only its owner can delete this view');
    await viewRepository.delete(q, id);
  });
}
