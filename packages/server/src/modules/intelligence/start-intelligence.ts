import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import { cacheFor } from './model-cache';
import { recordCorrection } from './record-correction';
import { raisePriority } from './raise-priority';
import { retrainSweep } from './retrain-sweep';

/** One consumer for both topics: each consumer reads the whole outbox log, so one is cheaper than two. */
export const INTELLIGENCE_CONSUMER = 'intelligence';

/**
 * Wires the intelligence module into a running process: what the customer's tier and a repeated
 * problem add to a new ticket's priority, and corrections as training signal, both from the outbox;
 * and the background retraining every `retrainMinutes` (0: never).
 */
export function startIntelligence(o: { deps: Deps; outbox: OutboxDispatcher; retrainMinutes: number; log: { error(obj: unknown, msg: string): void } }) {
  const cache = cacheFor(o.deps.db);
  o.outbox.subscribe(INTELLIGENCE_CONSUMER, ['ticket.created', 'ticket.updated'], (m) =>
    m.topic === 'ticket.created' ? raisePriority(o.deps, m) : recordCorrection(o.deps, cache, m),
  );
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  if (o.retrainMinutes > 0) {
    const round = () => {
      running = retrainSweep(o.deps, cache)
        .catch((err) => o.log.error({ err }, 'retraining the intelligence models failed'))
        .finally(() => (running = null));
    };
    timer = setInterval(() => running ?? round(), o.retrainMinutes * 60_000);
    timer.unref();
    // a first look soon after start, so a fresh install with imported tickets does not wait an hour
    setTimeout(() => running ?? round(), 30_000).unref();
  }
  return {
    async close() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
