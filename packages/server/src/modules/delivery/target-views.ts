import type { DeliveryRow } from './delivery-repository';
import type { ChannelRow, WebhookRow } from './target-repository';
import { maskRobotUrl, maskSecret } from './target-rules';

// The API shapes: secrets never leave in full (the last 4 characters at most).
export const toWebhookView = (w: WebhookRow) => ({
  id: w.id,
  name: w.name,
  url: w.url,
  secret: maskSecret(w.secret) ?? '',
  events: w.events,
  active: w.active,
  createdAt: w.created_at.toISOString(),
  updatedAt: w.updated_at.toISOString(),
});
export type WebhookView = ReturnType<typeof toWebhookView>;

export const toChannelView = (c: ChannelRow) => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  config: {
    url: c.kind === 'sms_gateway' ? (c.config.url ?? '') : maskRobotUrl(c.config.url ?? ''),
    secret: maskSecret(c.config.secret),
    token: maskSecret(c.config.token),
    sign: c.config.sign ?? null,
  },
  active: c.active,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});
export type ChannelView = ReturnType<typeof toChannelView>;

export const toDeliveryView = (d: DeliveryRow) => ({
  id: d.id,
  targetKind: d.target_kind,
  targetId: d.target_id,
  dedupeKey: d.dedupe_key,
  ticketId: d.ticket_id,
  state: d.state,
  attempts: d.attempts,
  nextAttemptAt: d.next_attempt_at.toISOString(),
  lastStatus: d.last_status,
  lastError: d.last_error,
  createdAt: d.created_at.toISOString(),
  deliveredAt: d.delivered_at?.toISOString() ?? null,
  // the message as enqueued; SMS numbers and mail addresses are the recipient's own, shown to admins
  request: d.request,
});
export type DeliveryView = ReturnType<typeof toDeliveryView>;
