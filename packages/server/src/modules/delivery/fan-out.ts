import type { Queryable } from '../../platform/db/database';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { userAccount } from '../identity';
import { notificationsToDeliver, sendTimeFor } from '../notifications';
import { deliveryRepository } from './delivery-repository';
import { notificationMail, notificationSms } from './notification-message';
import { channelRepository, webhookRepository } from './target-repository';
import { subscribes } from './target-rules';

/** Ticket events reach webhooks; imported history is not news and does not. */
export const isTicketEvent = (m: OutboxMessage) => typeof m.payload.ticketId === 'string' && m.topic !== 'notification.created' && m.topic !== 'ticket.imported';

/**
 * One tenant's messages, in its transaction: each ticket event → one delivery per active webhook
 * subscribed to its kind (`webhook:<webhookId>:<eventId>`); each `notification.created` → email / SMS as
 * the user chose for that kind, held until their quiet hours end unless urgent
 * (`notification:<notificationId>:<channel>`). Enqueued once per key, so a repeated message does nothing.
 */
export async function fanOut(q: Queryable, tenantId: string, messages: OutboxMessage[], now: Date): Promise<number> {
  let n = 0;
  const events = messages.filter(isTicketEvent);
  if (events.length) {
    const hooks = await webhookRepository.subscribed(q);
    for (const m of events)
      for (const w of hooks.filter((h) => subscribes(h.events, m.topic))) {
        const request = { id: m.eventId, event: m.topic, ticketId: m.payload.ticketId, data: m.payload.data ?? {}, occurredAt: m.createdAt.toISOString(), tenant: tenantId };
        if (await deliveryRepository.insert(q, { targetKind: 'webhook', targetId: w.id, dedupeKey: `webhook:${w.id}:${m.eventId}`, ticketId: String(m.payload.ticketId), request }, now)) n++;
      }
  }
  const created = messages.filter((m) => m.topic === 'notification.created');
  if (created.length) {
    const urgent = new Map(created.map((m) => [m.eventId, m.payload.urgent === true]));
    const todo = await notificationsToDeliver(q, [...urgent.keys()]);
    let sms: Awaited<ReturnType<typeof channelRepository.firstActive>> | null = null;
    for (const { notification: x, preferences } of todo) {
      const email = sendTimeFor(preferences, x.kind, 'email', urgent.get(x.id) ?? false, x.created_at);
      const text = sendTimeFor(preferences, x.kind, 'sms', urgent.get(x.id) ?? false, x.created_at);
      if (!email && !text) continue;
      const user = await userAccount(q, x.user_id);
      if (!user?.active) continue;
      if (email && user.email)
        if (await deliveryRepository.insert(q, { targetKind: 'email', targetId: null, dedupeKey: `notification:${x.id}:email`, ticketId: x.ticket_id, request: notificationMail(x.kind, x.data, user.email), notBefore: email }, now)) n++;
      if (text && user.phone) {
        sms ??= (await channelRepository.firstActive(q, 'sms_gateway')) ?? null;
        if (sms && (await deliveryRepository.insert(q, { targetKind: 'sms', targetId: sms.id, dedupeKey: `notification:${x.id}:sms`, ticketId: x.ticket_id, request: notificationSms(x.kind, x.data, user.phone), notBefore: text }, now))) n++;
      }
    }
  }
  return n;
}
