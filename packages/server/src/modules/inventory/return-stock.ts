import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { moveStock } from './move-stock';
import { levelsOf, moveContext, stockTarget } from './stock-target';

/** 退回: drawn units come back into a warehouse (not fitted after all), optionally naming the ticket. */
export async function returnStock(deps: Deps, actor: Actor, input: { warehouseId: string; partId: string; qty: number; ticketId?: string; reason?: string }) {
  return deps.db.tenant(actor.tenantId, async (q) => {
    await stockTarget(q, actor, input);
    await moveStock(q, moveContext(deps, actor), { kind: 'returned', partId: input.partId, warehouseId: input.warehouseId, onHand: input.qty, reserved: 0, ticketId: input.ticketId ?? null, reason: input.reason?.trim() || null });
    return levelsOf(q, [input]);
  });
}
