import { AppError, invalid } from '../../platform/errors';

// Stock rules, no I/O: what is available, how a request's lines are merged and ordered, and how a
// ticket's recorded usage is drawn against its reservations at the settlement.

export interface StockLevels {
  onHand: number;
  reserved: number;
  minimum: number;
}

/** 可用 = 在库 − 预占. */
export const available = (s: Pick<StockLevels, 'onHand' | 'reserved'>) => s.onHand - s.reserved;

/** Below its minimum (a minimum of 0 is never low). */
export const isLow = (s: StockLevels) => s.minimum > 0 && available(s) < s.minimum;

export interface StockLine {
  partId: string;
  warehouseId: string;
  qty: number;
}

/**
 * One line per (warehouse, part), quantities added, in the one order every writer locks stock rows in
 * (warehouse, then part): two requests that touch the same rows never wait on each other in a circle.
 */
export function mergeLines<L extends StockLine>(lines: L[]): StockLine[] {
  const by = new Map<string, StockLine>();
  for (const l of lines) {
    const key = `${l.warehouseId}/${l.partId}`;
    const seen = by.get(key);
    if (seen) seen.qty += l.qty;
    else by.set(key, { partId: l.partId, warehouseId: l.warehouseId, qty: l.qty });
  }
  return [...by.values()].sort((a, b) => (a.warehouseId === b.warehouseId ? cmp(a.partId, b.partId) : cmp(a.warehouseId, b.warehouseId)));
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const MAX_QTY = 100_000;

/** A whole, positive quantity within reason. */
export function checkQty(qty: number, field = 'qty'): number {
  if (!Number.isInteger(qty) || qty <= 0) throw invalid(field, 'The quantity must be a whole number above 0', 'too_small');
  if (qty > MAX_QTY) throw invalid(field, `The quantity must be at most ${MAX_QTY}`, 'too_big');
  return qty;
}

/** 409 STOCK_INSUFFICIENT naming the part and the warehouse, with what is there. */
export function stockInsufficient(p: { code: string; name: string }, w: { name: string }, availableNow: number, asked: number, field?: string): AppError {
  const message = `Not enough ${p.name} (${p.code}) in ${w.name}: ${availableNow} available, ${asked} asked`;
  return new AppError('STOCK_INSUFFICIENT', message, { field, details: field ? [{ field, code: 'too_big', message, value: p.code }] : undefined });
}

export interface OpenReservation {
  id: string;
  partId: string;
  warehouseId: string;
  qty: number;
}

export interface UsageToDraw {
  id: string;
  partId: string;
  warehouseId: string | null;
  qty: number;
}

export interface DrawPlan {
  /** from a reservation: its reserved units become drawn ones (on hand and reserved both fall) */
  fromReservations: { reservationId: string; usageId: string; partId: string; warehouseId: string; qty: number }[];
  /** used beyond what was reserved: drawn from the named warehouse's available stock (none named: the fallback) */
  direct: { usageId: string; partId: string; warehouseId: string | null; qty: number }[];
  /** what each reservation keeps back: released */
  release: { reservationId: string; partId: string; warehouseId: string; qty: number; drawn: number }[];
}

/**
 * Draws each usage line from the ticket's reservations of its part — only those in the warehouse it names,
 * when it names one (a part taken from the van is not the one reserved in the central warehouse) — and
 * what is left of it directly; whatever a reservation still holds afterwards is released.
 */
export function planDraw(usage: UsageToDraw[], reservations: OpenReservation[]): DrawPlan {
  const left = new Map(reservations.map((r) => [r.id, r.qty]));
  const plan: DrawPlan = { fromReservations: [], direct: [], release: [] };
  for (const u of usage) {
    let need = u.qty;
    const mine = reservations.filter((r) => r.partId === u.partId && (u.warehouseId === null || r.warehouseId === u.warehouseId));
    for (const r of mine) {
      if (!need) break;
      const take = Math.min(need, left.get(r.id)!);
      if (!take) continue;
      left.set(r.id, left.get(r.id)! - take);
      need -= take;
      plan.fromReservations.push({ reservationId: r.id, usageId: u.id, partId: u.partId, warehouseId: r.warehouseId, qty: take });
    }
    if (need) plan.direct.push({ usageId: u.id, partId: u.partId, warehouseId: u.warehouseId, qty: need });
  }
  for (const r of reservations) plan.release.push({ reservationId: r.id, partId: r.partId, warehouseId: r.warehouseId, qty: left.get(r.id)!, drawn: r.qty - left.get(r.id)! });
  return plan;
}
