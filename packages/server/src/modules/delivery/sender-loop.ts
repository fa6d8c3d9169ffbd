import type { Deps } from '../../platform/deps';
import { backoffMs } from '../../platform/outbox/outbox-dispatcher';
import { deliveryRepository } from './delivery-repository';
import { sendDelivery, type SendPorts } from './send-delivery';

export interface SenderOptions extends SendPorts {
  /** attempts before a delivery is dead */
  maxAttempts: number;
  /** how long a claim holds a row: longer than the send timeout, so a live sender never loses its row */
  leaseMs: number;
  batchSize: number;
  /** longest wait between two attempts */
  maxBackoffMs: number;
}

/**
 * One round of the sender: claims due rows of every tenant (FOR UPDATE SKIP LOCKED, claimed_until =
 * now + lease; two processes never hold the same row), sends them outside the transaction, and marks
 * each delivered, or schedules its next attempt with exponential backoff (1 s, 2 s, 4 s … capped), or
 * after the last attempt marks it dead. A sender killed mid-send leaves its claim to run out; another
 * sends the row again with the same X-Gongdan-Delivery id. Returns how many rows it handled.
 */
export async function sendDueDeliveries(deps: Pick<Deps, 'db' | 'clock'>, o: SenderOptions): Promise<number> {
  const now = deps.clock.now();
  const claimed = await deps.db.system((q) => deliveryRepository.claimDue(q, now, o.leaseMs, o.batchSize));
  await Promise.all(
    claimed.map(async (d) => {
      // a claim that has not a whole timeout left (this process was held up) is left to run out: another
      // process may take the row over then, and two senders never hold it at once
      if (d.claimed_until && deps.clock.now().getTime() > d.claimed_until.getTime() - o.timeoutMs) return;
      const answer = await sendDelivery(d, deps.clock.now(), o);
      const at = deps.clock.now();
      if (answer.ok) return deps.db.system((q) => deliveryRepository.markDelivered(q, d.id, d.attempts, answer.status, at));
      const last = answer.permanent || d.attempts >= o.maxAttempts;
      const next = last ? null : new Date(at.getTime() + backoffMs(d.attempts, o.maxBackoffMs));
      return deps.db.system((q) => deliveryRepository.markFailed(q, d.id, d.attempts, answer.status, answer.error ?? 'failed', next));
    }),
  );
  return claimed.length;
}
