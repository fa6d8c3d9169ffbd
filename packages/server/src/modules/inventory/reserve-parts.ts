import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { isSettledStatus, visibleJob } from './job-facts';
import { jobPartsRepository } from './job-parts-repository';
import { moveStock } from './move-stock';
import { partRepository } from './part-repository';
import { moveContext } from './stock-target';
import { checkQty, mergeLines, stockInsufficient, type StockLine } from './stock-rules';
import { stockRepository } from './stock-repository';
import { warehouseRepository } from './warehouse-repository';

/**
 * 预占: reserves parts for a ticket, all or nothing — one transaction, each (warehouse, part) row taken
 * with a conditional update in lock order, so of two engineers asking for the last unit one gets it and
 * the other a 409 STOCK_INSUFFICIENT naming the part (and nothing of the request is kept).
 */
export async function reserveParts(deps: Deps, actor: Actor, ticketId: string, input: { lines: StockLine[] }) {
  input.lines.forEach((l, i) => checkQty(l.qty, `lines.${i}.qty`));
  const firstIndex = (l: StockLine) => input.lines.findIndex((x) => x.partId === l.partId && x.warehouseId === l.warehouseId);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const job = await visibleJob(q, actor, ticketId);
    if (isSettledStatus(job.status)) throw new AppError('INVALID_TRANSITION', 'The ticket is resolved: reopen it to reserve parts', { field: 'id' });
    const lines = mergeLines(input.lines);
    const parts = new Map((await partRepository.byIds(q, lines.map((l) => l.partId))).map((p) => [p.id, p]));
    const warehouses = new Map((await warehouseRepository.byIds(q, [...new Set(lines.map((l) => l.warehouseId))])).map((w) => [w.id, w]));
    for (const l of lines) {
      const i = firstIndex(l);
      if (!parts.get(l.partId)?.active) throw notFound('Part', `lines.${i}.partId`);
      if (!warehouses.get(l.warehouseId)?.active) throw notFound('Warehouse', `lines.${i}.warehouseId`);
    }
    const ctx = moveContext(deps, actor);
    const made = [];
    for (const l of lines) {
      const id = uuidv7(ctx.at.getTime());
      const done = await moveStock(q, ctx, { kind: 'reserved', partId: l.partId, warehouseId: l.warehouseId, onHand: 0, reserved: l.qty, ticketId, reservationId: id });
      if (!done) {
        const now = await stockRepository.get(q, l.warehouseId, l.partId);
        throw stockInsufficient(parts.get(l.partId)!, warehouses.get(l.warehouseId)!, now ? now.on_hand - now.reserved : 0, l.qty, `lines.${firstIndex(l)}.qty`);
      }
      const r = await jobPartsRepository.insertReservation(q, { id, tenantId: actor.tenantId, ticketId, partId: l.partId, warehouseId: l.warehouseId, qty: l.qty, createdBy: ctx.actorId, at: ctx.at });
      const p = parts.get(l.partId)!;
      made.push({ id: r.id, partId: p.id, code: p.code, name: p.name, unit: p.unit, warehouseId: l.warehouseId, warehouseName: warehouses.get(l.warehouseId)!.name, qty: r.qty, drawn: 0, state: r.state, createdAt: r.created_at.toISOString() });
    }
    return { reservations: made };
  });
}
