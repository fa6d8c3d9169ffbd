// Holding a ticket for a nearer person (就近等待): when everyone is busy, the best person with room may
// be far away while someone near the site frees up soon. A score-based mode then leaves the ticket in
// the queue while its deadline allows, instead of sending someone on a long trip that would also keep
// them from the work near them. The ticket is taken by the first person who frees capacity and is
// within reach (the queue is offered to them), and no later than when its slack comes down to
// HOLD.slackMin. Used by the simulator and the server's dispatch for the modes scored and batch.
import { poolStats, scorePerson } from './score';
import type { DecisionContext, Need, Person, Weights } from './types';

export interface Hold {
  /** hold only when the chosen person's trip is longer than this (minutes); 0 switches holding off */
  travelMin: number;
  /** … and their arrival would leave more than this many minutes before the deadline */
  slackMin: number;
  /** … and fewer than this share of the pool is idle (available with nothing of the kind in hand) */
  idleShareBelow: number;
}

/** Measured on the simulator's generated days and Solomon instances (docs/DISPATCH-SIMULATOR.md):
 * on the capacity-bound days (round robin ≈ 71%) SLA 90% → 95–96% and travel −24% → −38%; days with
 * idle people are not held. */
export const HOLD: Hold = { travelMin: 40, slackMin: 30, idleShareBelow: 0.1 };

/**
 * The instant until which `need` waits for a nearer person instead of going to `chosen` now, or null
 * (go now). `people` is the pool the choice was made from (its idle share).
 */
export function holdUntil(chosen: Person, need: Need, people: Person[], ctx: DecisionContext, weights: Weights, hold: Hold = HOLD): Date | null {
  if (hold.travelMin <= 0 || need.dueAt === null || !need.location) return null;
  const pool = poolStats(people, need);
  if (pool.idleShare >= hold.idleShareBelow) return null;
  const c = scorePerson(chosen, need, ctx, weights, pool);
  const slack = c.terms.find((t) => t.name === 'deadline')?.value;
  if (c.travelMinutes === null || c.travelMinutes <= hold.travelMin || typeof slack !== 'number' || slack <= hold.slackMin) return null;
  return new Date(ctx.now.getTime() + (slack - hold.slackMin) * 60_000);
}
