import type { Deps } from '../../../platform/deps';
import { requireRole, type Actor } from '../../identity';
import { DISPATCHABLE } from './access';
import { outletRepository } from './outlet-repository';
import { toOutletView, type OutletView } from './outlet-schemas';

/** The tenant's service outlets (服务网点) by name; staff read them. */
export async function listOutlets(deps: Deps, actor: Actor): Promise<OutletView[]> {
  requireRole(actor, DISPATCHABLE);
  return (await deps.db.tenant(actor.tenantId, (q) => outletRepository.list(q))).map(toOutletView);
}
