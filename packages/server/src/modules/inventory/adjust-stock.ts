import type { Deps } from '../../platform/deps';
import { AppError, invalid } from '../../platform/errors';
import type { Actor } from '../identity';
import { checkLowStock, moveStock } from './move-stock';
import { levelsOf, moveContext, stockTarget } from './stock-target';
import { stockRepository } from './stock-repository';

/**
 * 盘点调整: corrects what is on hand (never below what is reserved) and / or sets the minimum level, with
 * the reason in the ledger (a manager or the keeper).
 */
export async function adjustStock(deps: Deps, actor: Actor, input: { warehouseId: string; partId: string; delta?: number; minimum?: number; reason: string }) {
  if (input.delta === undefined && input.minimum === undefined) throw invalid('delta', 'Give the change of stock (delta), the minimum, or both', 'required');
  return deps.db.tenant(actor.tenantId, async (q) => {
    const { p, w } = await stockTarget(q, actor, input);
    const ctx = moveContext(deps, actor);
    if (input.minimum !== undefined) {
      const row = await stockRepository.setMinimum(q, { tenantId: actor.tenantId, warehouseId: input.warehouseId, partId: input.partId, minimum: input.minimum, at: ctx.at });
      await checkLowStock(q, ctx, row);
    }
    if (input.delta !== undefined) {
      const done = await moveStock(q, ctx, { kind: 'adjusted', partId: input.partId, warehouseId: input.warehouseId, onHand: input.delta, reserved: 0, reason: input.reason.trim() });
      if (!done) {
        const now = await stockRepository.get(q, input.warehouseId, input.partId);
        throw new AppError('STOCK_INSUFFICIENT', `${p.name} (${p.code}) in ${w.name} cannot go below ${now?.reserved ?? 0} (reserved); ${now?.on_hand ?? 0} on hand`, { field: 'delta', details: [{ field: 'delta', code: 'too_small', message: 'Not below what is reserved', value: p.code }] });
      }
    }
    return levelsOf(q, [input]);
  });
}
