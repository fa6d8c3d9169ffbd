import type { Deps } from '../../platform/deps';
import { BackgroundLoop } from '../../platform/background-loop';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import { DISPATCH_TOPICS, handleDispatchMessages } from './assignment/handle-messages';
import { recomputeStats } from './assignment/recompute-stats';
import { sweepDispatch } from './assignment/sweep-dispatch';

export const DISPATCH_CONSUMER = 'dispatch';

/**
 * Wires dispatch into a running process: the outbox consumer (new tickets, people's changes to them,
 * status changes), the sweep every `sweepMs` (expired offers, ended shifts, the queue and closed batch
 * windows; 0: none) and the learnt statistics every `statsMinutes` and at start (0: never).
 */
export function startDispatch(o: { deps: Deps; outbox: OutboxDispatcher; sweepMs: number; statsMinutes: number; log: { error(obj: unknown, msg: string): void } }) {
  o.outbox.subscribe(
    DISPATCH_CONSUMER,
    DISPATCH_TOPICS,
    (m) => handleDispatchMessages(o.deps, [m]),
    (ms) => handleDispatchMessages(o.deps, ms),
  );
  const sweep = new BackgroundLoop(() => sweepDispatch(o.deps), { onError: (err) => o.log.error({ err }, 'the dispatch sweep failed') });
  const stats = new BackgroundLoop(() => recomputeStats(o.deps), { onError: (err) => o.log.error({ err }, 'learning the dispatch statistics failed') });
  if (o.sweepMs > 0) sweep.start(o.sweepMs);
  if (o.statsMinutes > 0) stats.start(o.statsMinutes * 60_000);
  return {
    sweep: () => sweepDispatch(o.deps),
    async close() {
      await Promise.all([sweep.stop(), stats.stop()]);
    },
  };
}
