import type { Queryable } from '../../platform/db/database';
import { clipBytes } from './robot-messages';
import { deliveryRepository } from './delivery-repository';
import { channelRepository } from './target-repository';

/**
 * A message to a customer (not a user): a mail, or an SMS through the tenant's first active SMS gateway,
 * enqueued once per dedupe key in the caller's tenant transaction and sent by the sender loop.
 * False when nothing was enqueued (a repeat of the key, or an SMS with no gateway configured).
 */
export async function enqueueCustomerMessage(
  q: Queryable,
  m: { via: 'email' | 'sms'; to: string; subject?: string; text: string; dedupeKey: string; ticketId?: string | null },
  now: Date,
): Promise<boolean> {
  if (m.via === 'email')
    return deliveryRepository.insert(q, { targetKind: 'email', targetId: null, dedupeKey: m.dedupeKey, ticketId: m.ticketId, request: { to: m.to, subject: (m.subject ?? '').slice(0, 200), text: m.text } }, now);
  const gateway = await channelRepository.firstActive(q, 'sms_gateway');
  if (!gateway) return false;
  return deliveryRepository.insert(q, { targetKind: 'sms', targetId: gateway.id, dedupeKey: m.dedupeKey, ticketId: m.ticketId, request: { to: m.to, text: clipBytes(m.text, 300) } }, now);
}
