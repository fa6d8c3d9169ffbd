import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { moveStock } from './move-stock';
import { levelsOf, moveContext, stockTarget } from './stock-target';

/** 入库: units arrive in a warehouse (a manager or its keeper). */
export async function receiveStock(deps: Deps, actor: Actor, input: { warehouseId: string; partId: string; qty: number; reason?: string }) {
  return deps.db.tenant(actor.tenantId, async (q) => {
    await stockTarget(q, actor, input);
    await moveStock(q, moveContext(deps, actor), { kind: 'received', partId: input.partId, warehouseId: input.warehouseId, onHand: input.qty, reserved: 0, reason: input.reason?.trim() || null });
    return levelsOf(q, [input]);
  });
}
