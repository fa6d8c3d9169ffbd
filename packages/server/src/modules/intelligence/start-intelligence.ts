import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { cacheFor } from './model-cache';
import { recordCorrection } from './record-correction';
import { retrainSweep } from './retrain-sweep';

export const INTELLIGENCE_CONSUMER = 'intelligence';

/**
 * Wires the intelligence module into a running process: agents' corrections as training signal, from
 * the outbox, and the background retraining every `retrainMinutes` (0: never). (A new ticket's
 * priority, tier and repeat contacts included, is decided before it is written: see `ticketEnricher`.)
 */
export function startIntelligence(o: { deps: Deps; outbox: OutboxDispatcher; retrainMinutes: number; log: { error(obj: unknown, msg: string): void } }) {
  const cache = cacheFor(o.deps.db);
  const one = (m: OutboxMessage) => recordCorrection(o.deps, cache, m);
  o.outbox.subscribe(INTELLIGENCE_CONSUMER, ['ticket.updated'], one);
  let timer: NodeJS.Timeout | null = null;
  let first: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  // closing gives up a training in progress (its worker thread ends): the next start trains again
  const stopping = new AbortController();
  if (o.retrainMinutes > 0) {
    const round = () => {
      running = retrainSweep(o.deps, cache, undefined, stopping.signal)
        .catch((err) => stopping.signal.aborted || o.log.error({ err }, 'retraining the intelligence models failed'))
        .finally(() => (running = null));
    };
    timer = setInterval(() => running ?? round(), o.retrainMinutes * 60_000);
    timer.unref();
    // a first look soon after start, so a fresh install with imported tickets does not wait an hour
    first = setTimeout(() => running ?? round(), 30_000).unref();
  }
  return {
    async close() {
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
      stopping.abort(new Error('the process is stopping'));
      await running;
    },
  };
}
