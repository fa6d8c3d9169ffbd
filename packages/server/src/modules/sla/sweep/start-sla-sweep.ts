import { EventEmitter } from 'node:events';
import { BackgroundLoop } from '../../../platform/background-loop';
import type { Deps } from '../../../platform/deps';
import { sweepSla, type SweepResult } from './sweep-sla';

/** Due breaches and due warnings claimed per tenant transaction. */
export const SLA_SWEEP_BATCH = 500;

export interface SlaSweepOptions {
  deps: Deps;
  /** a round every `sweepMs` (0: no background sweep) */
  sweepMs: number;
  log: { error(obj: unknown, msg: string): void };
  limit?: number;
  /** called after every round (benchmarks, tests) */
  onRound?: (r: SweepResult) => void;
}

/**
 * Runs the SLA sweep in the background: a round every `sweepMs`, and at once again after a round that
 * filled a batch (a backlog is worked off without waiting for the timer). Rounds never overlap within
 * a process; across processes the claims (FOR UPDATE SKIP LOCKED) share the work.
 */
export function startSlaSweep(o: SlaSweepOptions) {
  const more = new EventEmitter();
  const limit = o.limit ?? SLA_SWEEP_BATCH;
  const round = async () => {
    const r = await sweepSla(o.deps, { limit });
    o.onRound?.(r);
    if (r.full) more.emit('more');
    return r;
  };
  const loop = new BackgroundLoop(round, { onError: (err) => o.log.error({ err }, 'the SLA sweep failed'), wake: { emitter: more, event: 'more' } });
  if (o.sweepMs > 0) loop.start(o.sweepMs);
  return {
    /** one round now, outside the loop (tests) */
    sweep: () => sweepSla(o.deps, { limit }),
    close: () => loop.stop(),
  };
}
