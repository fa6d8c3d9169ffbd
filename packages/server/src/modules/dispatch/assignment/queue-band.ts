import { choose, pickFromQueue } from '../engine';
import type { Ranking } from '../engine/types';
import { weightsOf } from './decision-view';
import type { TicketNeed } from './load-needs';
import type { Run } from './record-steps';

/** Modes whose queue is served by the score within the most urgent band (engine `pickFromQueue`). */
const SCORE_MODES = new Set(['scored', 'batch']);

/**
 * The queue of a score-based mode, as the simulator serves it: the person the mode chooses for the
 * queued ticket `head` (the most urgent, then oldest) may take instead another waiting ticket of the
 * same policy and priority, asked for within the band after it, that they score better on — unless the
 * head has waited past the band's age cap (engine/queue.ts). That ticket then goes to whoever the mode
 * chooses for it (usually the same person). Null: serve the head as it is.
 */
export function bandPick(run: Run, head: TicketNeed, waiting: TicketNeed[]): { t: TicketNeed; personId: string; ranking: Ranking } | null {
  const policy = head.policy;
  if (!SCORE_MODES.has(policy.mode) || (policy.target === 'outlet' && head.need.location)) return null;
  const ctx = run.pool.ctx(policy);
  const weights = weightsOf(policy);
  const first = choose('scored', run.pool.people, head.need, ctx, weights, run.pool.lastAssignedAt).personId;
  if (!first) return null;
  const same = waiting.filter((t) => t.policy.id === policy.id);
  const i = pickFromQueue(run.pool.byId.get(first)!, [head.need, ...same.map((t) => t.need)], run.pool.people, ctx, weights);
  if (i <= 0) return null;
  const t = same[i - 1];
  const { personId, ranking } = choose('scored', run.pool.people, t.need, ctx, weights, run.pool.lastAssignedAt);
  return personId ? { t, personId, ranking } : null;
}
