import { forbidden, notFound } from '../../platform/errors';
import { isManager, type Actor } from '../identity';
import type { SavedViewRow } from './view-repository';

// Saved views belong to signed-in staff. Everyone sees their own views and the shared ones; a
// personal view is changed by its owner only, a shared view by admins and supervisors, and only
// they may share a view.

/** The signed-in staff user behind the request (API keys and customers have no views). */
export function viewUser(actor: Actor): string {
  if (actor.type !== 'user' || !actor.id || actor.role === 'customer') throw forbidden('Saved views belong to signed-in staff users');
  return actor.id;
}

export const canSeeView = (actor: Actor, v: Pick<SavedViewRow, 'owner_id' | 'shared'>) => v.shared || v.owner_id === actor.id;

export const canEditView = (actor: Actor, v: Pick<SavedViewRow, 'owner_id' | 'shared'>) => (v.shared ? isManager(actor) : v.owner_id === actor.id);

export function assertVisibleView<T extends Pick<SavedViewRow, 'owner_id' | 'shared'>>(actor: Actor, v: T | undefined): T {
  if (!v || !canSeeView(actor, v)) throw notFound('View');
  return v;
}

export function assertCanShare(actor: Actor): void {
  if (!isManager(actor)) throw forbidden('Only admins and supervisors can share a view with the tenant');
}
