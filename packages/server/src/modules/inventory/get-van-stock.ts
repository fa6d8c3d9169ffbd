import type { Deps } from '../../platform/deps';
import { requireRole, STAFF, type Actor } from '../identity';
import { stockRepository } from './stock-repository';
import { available } from './stock-rules';
import { warehouseRepository } from './warehouse-repository';

/** GET /me/van-stock: what is in the signed-in engineer's van(s), by part code. */
export async function getVanStock(deps: Deps, actor: Actor) {
  requireRole(actor, STAFF);
  if (actor.type !== 'user' || !actor.id) return { warehouses: [] };
  const userId = actor.id;
  return deps.db.tenant(actor.tenantId, async (q) => {
    const vans = await warehouseRepository.vansOf(q, userId);
    const warehouses = [];
    for (const v of vans) {
      const rows = await stockRepository.ofWarehouse(q, v.id);
      warehouses.push({
        id: v.id,
        name: v.name,
        items: rows.map((r) => ({ partId: r.part_id, code: r.code, name: r.name, unit: r.unit, onHand: r.on_hand, reserved: r.reserved, available: available({ onHand: r.on_hand, reserved: r.reserved }), minimum: r.minimum })),
      });
    }
    return { warehouses };
  });
}
