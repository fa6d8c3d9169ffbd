import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { moveStock } from './move-stock';
import { levelsOf, moveContext, stockTarget } from './stock-target';
import { stockInsufficient } from './stock-rules';
import { stockRepository } from './stock-repository';

/**
 * 调拨: units move from one warehouse's available stock to another (a manager or the sending warehouse's
 * keeper). Two ledger rows share the transfer's id; the rows are changed in lock order.
 */
export async function transferStock(deps: Deps, actor: Actor, input: { fromWarehouseId: string; toWarehouseId: string; partId: string; qty: number; reason?: string }) {
  if (input.fromWarehouseId === input.toWarehouseId) throw invalid('toWarehouseId', 'Choose another warehouse to transfer to', 'invalid');
  return deps.db.tenant(actor.tenantId, async (q) => {
    const { w, p } = await stockTarget(q, actor, { warehouseId: input.fromWarehouseId, partId: input.partId, warehouseField: 'fromWarehouseId' });
    await stockTarget(q, actor, { warehouseId: input.toWarehouseId, partId: input.partId, warehouseField: 'toWarehouseId', receiving: true });
    const ctx = moveContext(deps, actor);
    const transferId = uuidv7(ctx.at.getTime());
    const reason = input.reason?.trim() || null;
    const steps = [
      { kind: 'transferred_out' as const, warehouseId: input.fromWarehouseId, onHand: -input.qty },
      { kind: 'transferred_in' as const, warehouseId: input.toWarehouseId, onHand: input.qty },
    ].sort((a, b) => (a.warehouseId < b.warehouseId ? -1 : 1));
    for (const s of steps) {
      const done = await moveStock(q, ctx, { ...s, partId: input.partId, reserved: 0, transferId, reason });
      if (!done) {
        const now = await stockRepository.get(q, input.fromWarehouseId, input.partId);
        throw stockInsufficient(p, w, now ? now.on_hand - now.reserved : 0, input.qty, 'qty');
      }
    }
    return levelsOf(q, [{ warehouseId: input.fromWarehouseId, partId: input.partId }, { warehouseId: input.toWarehouseId, partId: input.partId }]);
  });
}
