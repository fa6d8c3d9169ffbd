import type { Deps } from '../../platform/deps';
import { byTenant } from '../../platform/outbox/by-tenant';
import { BackgroundLoop } from '../../platform/background-loop';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { fanOut, isTicketEvent } from './fan-out';
import { postJson, type PostJson } from './http-transport';
import { smtpMailer, type SendMail } from './mail-transport';
import { sendDueDeliveries, type SenderOptions } from './sender-loop';

export const DELIVERY_CONSUMER = 'delivery';

export interface StartDeliveryOptions {
  deps: Deps;
  outbox: OutboxDispatcher;
  /** DELIVERY_SEND_MS: how often the sender looks for due deliveries (0: no sender in this process) */
  sendMs: number;
  log: { error(obj: unknown, msg: string): void };
  /** DELIVERY_MAX_ATTEMPTS (default 8) */
  maxAttempts?: number;
  /** the relay and sender of notification mail (SMTP_RELAY_URL, MAIL_FROM) */
  mail?: { relayUrl: string; from: string };
  /** ports tests replace */
  post?: PostJson;
  sendMail?: SendMail;
  /** DELIVERY_TIMEOUT_MS (default 10 s); a claim lasts three times as long and 30 s more */
  timeoutMs?: number;
  leaseMs?: number;
  maxBackoffMs?: number;
}

/**
 * The delivery module at work: the outbox consumer 'delivery' (webhook subscriptions, notification
 * fan-out) and the sender loop. Returns `sendOnce` (tests run rounds in simulated time) and `close`.
 */
export function startDelivery(o: StartDeliveryOptions) {
  const { deps } = o;
  const handle = async (messages: OutboxMessage[]) => {
    const wanted = messages.filter((m) => isTicketEvent(m) || m.topic === 'notification.created');
    for (const [tenantId, ms] of byTenant(wanted)) await deps.db.tenant(tenantId, (q) => fanOut(q, tenantId, ms, deps.clock.now()));
  };
  o.outbox.subscribe(DELIVERY_CONSUMER, ['*'], (m) => handle([m]), handle);

  const timeoutMs = o.timeoutMs ?? 10_000;
  const mailer = o.sendMail ? null : smtpMailer(() => o.mail ?? { relayUrl: '', from: '' }, { timeoutMs });
  const sender: SenderOptions = {
    post: o.post ?? postJson,
    mail: o.sendMail ?? mailer!,
    timeoutMs,
    maxAttempts: o.maxAttempts ?? 8,
    leaseMs: o.leaseMs ?? timeoutMs * 3 + 30_000,
    batchSize: 50,
    maxBackoffMs: o.maxBackoffMs ?? 3_600_000,
  };
  const sendOnce = async () => {
    let total = 0;
    for (let n = await sendDueDeliveries(deps, sender); n > 0; n = await sendDueDeliveries(deps, sender)) total += n;
    return total;
  };
  const loop = o.sendMs > 0 ? new BackgroundLoop(sendOnce, { onError: (err) => o.log.error({ err }, 'delivery sender round failed') }) : null;
  loop?.start(o.sendMs);
  return {
    sendOnce,
    async close() {
      await loop?.stop();
      mailer?.close();
    },
  };
}
