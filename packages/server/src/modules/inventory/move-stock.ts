import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import { notifyUsers } from '../notifications';
import { partRepository } from './part-repository';
import { isLow } from './stock-rules';
import { stockRepository, type MovementKind, type StockRow } from './stock-repository';
import { warehouseRepository } from './warehouse-repository';

// One change of one stock row with its ledger row, in the caller's transaction: the conditional update
// (undefined when the stock cannot give it: the caller refuses or records the shortfall), then the
// ledger, then the low-stock check — the keeper is told once per fall below the minimum.

export interface MoveContext {
  tenantId: string;
  at: Date;
  actorId: string | null;
  actorName: string;
}

export interface Move {
  kind: MovementKind;
  partId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  ticketId?: string | null;
  reservationId?: string | null;
  transferId?: string | null;
  reason?: string | null;
}

export const LOW_STOCK_KIND = 'stock_low';

export async function moveStock(q: Queryable, ctx: MoveContext, m: Move): Promise<StockRow | undefined> {
  const after = await stockRepository.change(q, { tenantId: ctx.tenantId, warehouseId: m.warehouseId, partId: m.partId, onHand: m.onHand, reserved: m.reserved, at: ctx.at });
  if (!after) return undefined;
  await stockRepository.insertMovement(q, {
    id: uuidv7(ctx.at.getTime()),
    tenantId: ctx.tenantId,
    partId: m.partId,
    warehouseId: m.warehouseId,
    kind: m.kind,
    onHandDelta: m.onHand,
    reservedDelta: m.reserved,
    onHandAfter: after.on_hand,
    reservedAfter: after.reserved,
    ticketId: m.ticketId ?? null,
    reservationId: m.reservationId ?? null,
    transferId: m.transferId ?? null,
    reason: m.reason ?? null,
    actorId: ctx.actorId,
    actorName: ctx.actorName,
    at: ctx.at,
  });
  await checkLowStock(q, ctx, after);
  return after;
}

/** Tells the warehouse's keeper (else the van's engineer) when the row has just fallen below its minimum; forgets it when back. */
export async function checkLowStock(q: Queryable, ctx: MoveContext, s: StockRow): Promise<void> {
  const low = isLow({ onHand: s.on_hand, reserved: s.reserved, minimum: s.minimum });
  if (low === (s.low_since !== null)) return;
  if (!(await stockRepository.markLow(q, s.warehouse_id, s.part_id, low ? ctx.at : null)) || !low) return;
  const w = await warehouseRepository.byId(q, s.warehouse_id);
  const p = await partRepository.byId(q, s.part_id);
  const to = w?.keeper_user_id ?? w?.owner_user_id;
  if (!w || !p || !to) return;
  await notifyUsers(q, ctx.tenantId, [to], {
    kind: LOW_STOCK_KIND,
    ticketId: null,
    at: ctx.at,
    data: { title: `${p.name}（${p.code}）· ${w.name}`, partId: p.id, partCode: p.code, partName: p.name, warehouseId: w.id, warehouseName: w.name, available: s.on_hand - s.reserved, minimum: s.minimum },
  });
}
