import { isUniqueViolation } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { invalid, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { outletNameTaken } from './create-outlet';
import { outletRepository } from './outlet-repository';
import { toOutletView, type OutletChanges, type OutletView } from './outlet-schemas';

/** Renames, moves or (de)activates an outlet (admins and supervisors). */
export async function updateOutlet(deps: Deps, actor: Actor, id: string, input: OutletChanges): Promise<OutletView> {
  requireRole(actor, DISPATCH_MANAGERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  try {
    const row = await deps.db.tenant(actor.tenantId, (q) => outletRepository.update(q, id, input, deps.clock.now()));
    if (!row) throw notFound('Outlet');
    return toOutletView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw outletNameTaken(input.name ?? '');
    throw err;
  }
}
