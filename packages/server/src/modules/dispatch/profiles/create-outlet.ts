import { isUniqueViolation } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { outletRepository } from './outlet-repository';
import { toOutletView, type OutletInput, type OutletView } from './outlet-schemas';

export const outletNameTaken = (name: string) => new AppError('CONFLICT', `An outlet named ${name} already exists`, { field: 'name' });

/** Adds a service outlet (admins and supervisors); names are unique in the tenant. */
export async function createOutlet(deps: Deps, actor: Actor, input: OutletInput): Promise<OutletView> {
  requireRole(actor, DISPATCH_MANAGERS);
  const now = deps.clock.now();
  try {
    const row = await deps.db.tenant(actor.tenantId, (q) => outletRepository.insert(q, { ...input, id: uuidv7(now.getTime()), tenant_id: actor.tenantId, now }));
    return toOutletView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw outletNameTaken(input.name);
    throw err;
  }
}
