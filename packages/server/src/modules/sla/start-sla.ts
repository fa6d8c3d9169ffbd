import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import { handleSlaMessages, SLA_CONSUMER, SLA_TOPICS } from './clocks/handle-sla-messages';

export interface SlaSweepHook {
  sweep(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Wires SLA into a running process: the outbox consumer 'sla' (clocks recomputed from each changed
 * ticket's history, 催单 recorded) and the sweep that fires warnings and breaches. The sweep lives in
 * sla/sweep: `startSweep` is its hook (null until it is there; sweepMs 0: none).
 */
export function startSla(o: {
  deps: Deps;
  outbox: OutboxDispatcher;
  sweepMs: number;
  log: { error(obj: unknown, msg: string): void };
  startSweep?: ((o: { deps: Deps; sweepMs: number; log: { error(obj: unknown, msg: string): void } }) => SlaSweepHook) | null;
}) {
  o.outbox.subscribe(
    SLA_CONSUMER,
    SLA_TOPICS,
    (m) => handleSlaMessages(o.deps, [m]),
    (ms) => handleSlaMessages(o.deps, ms),
  );
  const sweep = o.startSweep ? o.startSweep({ deps: o.deps, sweepMs: o.sweepMs, log: o.log }) : null;
  return {
    sweep: () => sweep?.sweep() ?? Promise.resolve(),
    async close() {
      await sweep?.close();
    },
  };
}
