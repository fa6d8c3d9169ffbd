import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { outletRepository } from './outlet-repository';

/** Removes an outlet; its engineers keep their profiles, without an outlet. */
export async function deleteOutlet(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, DISPATCH_MANAGERS);
  if (!(await deps.db.tenant(actor.tenantId, (q) => outletRepository.delete(q, id)))) throw notFound('Outlet');
}
