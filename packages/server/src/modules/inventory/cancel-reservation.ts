import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { visibleJob } from './job-facts';
import { jobPartsRepository } from './job-parts-repository';
import { moveStock } from './move-stock';
import { moveContext } from './stock-target';

/** 释放: gives an active reservation of the ticket back to available stock before the job is settled. */
export async function cancelReservation(deps: Deps, actor: Actor, ticketId: string, reservationId: string): Promise<void> {
  await deps.db.tenant(actor.tenantId, async (q) => {
    await visibleJob(q, actor, ticketId);
    const r = (await jobPartsRepository.activeReservations(q, ticketId)).find((x) => x.id === reservationId);
    if (!r) {
      if ((await jobPartsRepository.reservationsOf(q, ticketId)).some((x) => x.id === reservationId)) throw new AppError('INVALID_TRANSITION', 'This reservation is already drawn or released', { field: 'reservationId' });
      throw notFound('Reservation', 'reservationId');
    }
    const ctx = moveContext(deps, actor);
    await moveStock(q, ctx, { kind: 'released', partId: r.part_id, warehouseId: r.warehouse_id, onHand: 0, reserved: -r.qty, ticketId, reservationId: r.id, reason: '取消预占' });
    await jobPartsRepository.settleReservation(q, r.id, 0, ctx.at);
  });
}
