import type { Queryable } from '../../platform/db/database';
import { deliveryRepository, type NewDelivery } from './delivery-repository';

/**
 * Enqueues a message to send, inside the tenant transaction of the change that causes it: once per
 * dedupe key (e.g. `webhook:<webhookId>:<eventId>`); a repeat with the same key does nothing. The
 * sender loop delivers it with retries and backoff, or lists it as a dead letter.
 */
export async function enqueueDelivery(q: Queryable, d: NewDelivery, now: Date): Promise<void> {
  await deliveryRepository.insert(q, d, now);
}
