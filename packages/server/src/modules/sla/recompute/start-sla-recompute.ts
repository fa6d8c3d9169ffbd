import { BackgroundLoop } from '../../../platform/background-loop';
import type { Deps } from '../../../platform/deps';
import { recomputeStep, SLA_RECOMPUTE_BATCH } from './recompute-step';

export interface SlaRecomputeOptions {
  deps: Deps;
  /** a chunk every `recomputeMs` at most (0: no background loop; `step` still works) */
  recomputeMs: number;
  /** open tickets per chunk */
  chunk?: number;
  log: { error(obj: unknown, msg: string): void };
}

/**
 * Runs the bulk recomputation in the background, apart from the warning and breach sweep: its own loop,
 * one chunk per round (a round every `recomputeMs`; rounds never overlap), so a pass over many tickets
 * never holds up a sweep round. Across processes the job's claim (FOR UPDATE SKIP LOCKED) gives each
 * chunk to one.
 */
export function startSlaRecompute(o: SlaRecomputeOptions) {
  const chunk = o.chunk ?? SLA_RECOMPUTE_BATCH;
  const step = () => recomputeStep(o.deps, { chunk });
  const loop = new BackgroundLoop(step, { onError: (err) => o.log.error({ err }, 'the SLA recomputation failed') });
  if (o.recomputeMs > 0) loop.start(o.recomputeMs);
  return { step, close: () => loop.stop() };
}
