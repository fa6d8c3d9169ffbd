import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { cacheFor } from './model-cache';
import { recordCorrection } from './record-correction';
import { raisePriorities, raisePriority } from './raise-priority';
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
  const one = (m: OutboxMessage) => (m.topic === 'ticket.created' ? raisePriority(o.deps, m) : recordCorrection(o.deps, cache, m));
  // a round's new tickets are looked at together (one statement per tenant), corrections one by one
  const all = async (messages: OutboxMessage[]) => {
    await raisePriorities(o.deps, messages.filter((m) => m.topic === 'ticket.created'));
    for (const m of messages) if (m.topic !== 'ticket.created') await recordCorrection(o.deps, cache, m);
  };
  o.outbox.subscribe(INTELLIGENCE_CONSUMER, ['ticket.created', 'ticket.updated'], one, all);
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
