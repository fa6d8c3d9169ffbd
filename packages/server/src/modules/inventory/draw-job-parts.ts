import type { Queryable } from '../../platform/db/database';
import type { JobFacts } from './job-facts';
import { jobPartsRepository } from './job-parts-repository';
import { moveStock, type Move, type MoveContext } from './move-stock';
import { stockRepository } from './stock-repository';
import { planDraw } from './stock-rules';
import { warehouseRepository } from './warehouse-repository';

/**
 * 领用 and 释放 of a job, in the caller's transaction: the usage not yet drawn is drawn — from the ticket's
 * reservations of its part first, the rest from the warehouse it names (else the assignee's van) as far
 * as its stock goes (what it cannot give stays recorded as short: drawn < qty) — and whatever the
 * reservations still hold is released. Usage and reservation rows are locked and moved on by state, and
 * the stock rows are changed in lock order, so a repeat finds nothing left to do.
 */
export async function drawJobParts(q: Queryable, ctx: MoveContext, job: Pick<JobFacts, 'id' | 'assigneeId'>): Promise<{ drawn: number; released: number; short: number }> {
  const usage = await jobPartsRepository.recordedUsage(q, job.id);
  const reservations = await jobPartsRepository.activeReservations(q, job.id);
  if (!usage.length && !reservations.length) return { drawn: 0, released: 0, short: 0 };
  const plan = planDraw(
    usage.map((u) => ({ id: u.id, partId: u.part_id, warehouseId: u.warehouse_id, qty: u.qty })),
    reservations.map((r) => ({ id: r.id, partId: r.part_id, warehouseId: r.warehouse_id, qty: r.qty })),
  );
  const van = job.assigneeId ? (await warehouseRepository.vansOf(q, job.assigneeId))[0]?.id : undefined;
  const drawnOf = new Map<string, number>(usage.map((u) => [u.id, 0]));
  type Op = Move & { usageId?: string; direct?: boolean };
  const ops: Op[] = [
    ...plan.fromReservations.map((d): Op => ({ kind: 'drawn', partId: d.partId, warehouseId: d.warehouseId, onHand: -d.qty, reserved: -d.qty, ticketId: job.id, reservationId: d.reservationId, usageId: d.usageId })),
    ...plan.release.filter((r) => r.qty > 0).map((r): Op => ({ kind: 'released', partId: r.partId, warehouseId: r.warehouseId, onHand: 0, reserved: -r.qty, ticketId: job.id, reservationId: r.reservationId })),
    ...plan.direct.flatMap((d): Op[] => {
      const warehouseId = d.warehouseId ?? van;
      return warehouseId ? [{ kind: 'drawn', partId: d.partId, warehouseId, onHand: -d.qty, reserved: 0, ticketId: job.id, usageId: d.usageId, direct: true }] : [];
    }),
  ].sort((a, b) => (a.warehouseId === b.warehouseId ? (a.partId < b.partId ? -1 : a.partId > b.partId ? 1 : 0) : a.warehouseId < b.warehouseId ? -1 : 1));
  let released = 0;
  for (const op of ops) {
    let take = -op.onHand;
    if (op.direct) {
      const s = await stockRepository.get(q, op.warehouseId, op.partId);
      take = Math.min(take, s ? s.on_hand - s.reserved : 0);
      if (take <= 0) continue;
    }
    const done = await moveStock(q, ctx, { ...op, onHand: op.kind === 'released' ? 0 : -take });
    if (!done) continue;
    if (op.kind === 'released') released += -op.reserved;
    else if (op.usageId) drawnOf.set(op.usageId, drawnOf.get(op.usageId)! + take);
  }
  for (const r of plan.release) await jobPartsRepository.settleReservation(q, r.reservationId, r.drawn, ctx.at);
  let drawn = 0;
  let short = 0;
  for (const u of usage) {
    const got = drawnOf.get(u.id)!;
    drawn += got;
    short += u.qty - got;
    await jobPartsRepository.markDrawn(q, u.id, got, ctx.at);
  }
  return { drawn, released, short };
}
