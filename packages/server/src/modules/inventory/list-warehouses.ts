import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { STOCK_READERS } from './access';
import { toWarehouseView, type WarehouseView } from './inventory-views';
import { warehouseRepository } from './warehouse-repository';

/** The tenant's warehouses (staff): active first, central, regional, then vans. */
export async function listWarehouses(deps: Deps, actor: Actor): Promise<WarehouseView[]> {
  requireRole(actor, STOCK_READERS);
  return (await deps.db.tenant(actor.tenantId, (q) => warehouseRepository.list(q))).map(toWarehouseView);
}
