// Which queued need a person who has room takes next. The queue is served most urgent (priority) then
// oldest first; within that order, a person may take, instead of the first need they are eligible for
// (the head), a need of the same priority that was asked for at most QUEUE_BAND_MIN after the head,
// the one they score best on (travel from where they will be free, deadline, …). A head that has
// waited QUEUE_MAX_AGE_MIN or more is taken as it is, so nothing starves. Used by the simulator's queue
// and the server's drainQueue for the score-based modes (scored, batch); the other modes take the head.
import { eligibleFor, personAvailable } from './rules';
import { poolStats, scoreValue } from './score';
import type { DecisionContext, Need, Person, Weights } from './types';

export interface QueueBand {
  /** a need asked for at most this many minutes after the head may be taken instead (0: the head only) */
  bandMin: number;
  /** a head waiting this long (since createdAt) is taken as it is */
  maxAgeMin: number;
}

/** Measured on the simulator (docs/DISPATCH-SIMULATOR.md): bands of 30–120 min and caps of 60 min to
 * none gave seed 10 −21..−25% travel; 60 / 120 changed no other row by more than a point of SLA. */
export const QUEUE_BAND: QueueBand = { bandMin: 60, maxAgeMin: 120 };

/**
 * Index in `queue` (most urgent then oldest first) of the need `person` takes next; -1 when they are
 * eligible for none. `pool` is who the score's pool statistics are computed over (everyone, as rank).
 * Ties keep the earlier need. The band is the head's priority and createdAt + bandMin.
 */
export function pickFromQueue(person: Person, queue: Need[], pool: Person[], ctx: DecisionContext, weights: Weights, band: QueueBand = QUEUE_BAND): number {
  if (!personAvailable(person, ctx)) return -1;
  let head = -1;
  for (let i = 0; i < queue.length; i++) {
    if (eligibleFor(person, queue[i], ctx)) {
      head = i;
      break;
    }
  }
  if (head < 0 || band.bandMin <= 0) return head;
  const h = queue[head];
  if ((ctx.now.getTime() - h.createdAt.getTime()) / 60_000 >= band.maxAgeMin) return head;
  const until = h.createdAt.getTime() + band.bandMin * 60_000;
  let best = head;
  const pools = new Map<string, ReturnType<typeof poolStats>>();
  const statsOf = (n: Need) => {
    const key = `${n.kind}\u0000${n.categoryId ?? ''}\u0000${n.categoryId === null ? 'none' : 'cat'}`;
    let st = pools.get(key);
    if (!st) pools.set(key, (st = poolStats(pool, n)));
    return st;
  };
  let bestScore = scoreValue(person, h, ctx, weights, statsOf(h));
  for (let i = head + 1; i < queue.length; i++) {
    const n = queue[i];
    // the queue's own order may differ from createdAt (a need queued again later): look at every one
    if (n.priority !== h.priority || n.createdAt.getTime() > until || !eligibleFor(person, n, ctx)) continue;
    const s = scoreValue(person, n, ctx, weights, statsOf(n));
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}
