import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { DELIVERY_READERS, DELIVERY_WRITERS } from './access';
import { deliveryRepository, type DeliveryState } from './delivery-repository';
import { toDeliveryView, type DeliveryView } from './target-views';

/** A page of deliveries in a state (dead letters by default), newest first; `cursor` is the last id seen. */
export async function listDeliveries(deps: Deps, actor: Actor, f: { state: DeliveryState; limit: number; cursor?: string }): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
  requireRole(actor, DELIVERY_READERS);
  const rows = await deps.db.tenant(actor.tenantId, (q) => deliveryRepository.list(q, { state: f.state, before: f.cursor ?? null, limit: f.limit }));
  return { items: rows.map(toDeliveryView), nextCursor: rows.length === f.limit ? rows[rows.length - 1].id : null };
}

/**
 * Replays a dead (or delivered) delivery: back to pending now with its attempts reset, the same row,
 * dedupe key and delivery id (so a receiver that already has it drops the repeat).
 */
export async function replayDelivery(deps: Deps, actor: Actor, id: string): Promise<DeliveryView> {
  requireRole(actor, DELIVERY_WRITERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const current = await deliveryRepository.byId(q, id);
    if (!current) throw notFound('Delivery');
    if (current.state === 'pending') throw invalid('id', 'This delivery is still pending: it is being retried already', 'not_retryable');
    const row = await deliveryRepository.replay(q, id, deps.clock.now());
    return toDeliveryView(row!);
  });
}
