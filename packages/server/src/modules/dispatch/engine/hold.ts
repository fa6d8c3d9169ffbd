// Holding a ticket for a nearer person (就近等待): when everyone is busy, the best person with room may
// be far away while someone near the site frees up soon. A score-based mode then leaves the ticket in
// the queue while its deadline allows, instead of sending someone on a long trip that would also keep
// them from the work near them. The ticket is taken by the first person who frees capacity and is
// within reach (the queue is offered to them), and no later than when its slack comes down to
// HOLD.slackMin. Used by the simulator and the server's dispatch for the modes scored and batch.
import { insertion } from './insertion';
import { dailyLimitReached, personAvailable, qualifiedFor } from './rules';
import type { DecisionContext, Need, Person } from './types';

export interface Hold {
  /** hold only when the travel the ticket adds to the chosen person's day (its trip when it goes after
   * all their work, engine/insertion.ts) is longer than this (minutes); 0 switches holding off */
  travelMin: number;
  /** … and their arrival would leave more than this many minutes before the deadline */
  slackMin: number;
  /** … and fewer than this share of the people qualified for it (on shift, with capacity for the kind)
   * is idle: available with nothing of the kind in hand */
  idleShareBelow: number;
}

/** Measured on the simulator's generated days and Solomon instances (docs/DISPATCH-SIMULATOR.md). */
export const HOLD: Hold = { travelMin: 40, slackMin: 30, idleShareBelow: 0.2 };

/**
 * The instant until which `need` waits for a nearer person instead of going to `chosen` now, or null
 * (go now). `people` is the pool the choice was made from.
 */
export function holdUntil(chosen: Person, need: Need, people: Person[], ctx: DecisionContext, hold: Hold = HOLD): Date | null {
  if (hold.travelMin <= 0 || need.dueAt === null || !need.location) return null;
  const place = insertion(chosen, need, ctx);
  const added = place.travelMinutes;
  if (added === null || added <= hold.travelMin) return null;
  const slack = place.slackMinutes;
  if (slack === null) return null;
  // under a second to wait is no hold (and a hold that ends is not renewed by rounding)
  const waitMs = Math.floor(slack * 60_000 - hold.slackMin * 60_000);
  if (waitMs < 1000) return null;
  if (qualifiedIdleShare(need, people, ctx) >= hold.idleShareBelow) return null;
  return new Date(ctx.now.getTime() + waitMs);
}

/** Share of the people qualified for the need (every hard rule but capacity, on shift, with capacity for
 * its kind) who are available with nothing of the kind in hand; 0 when nobody is qualified. */
export function qualifiedIdleShare(need: Need, people: Person[], ctx: DecisionContext): number {
  let qualified = 0;
  let idle = 0;
  for (const p of people) {
    if ((p.capacity[need.kind] ?? 0) <= 0 || dailyLimitReached(p, need.kind) || !personAvailable(p, ctx)) continue;
    if (!qualifiedFor(p, need, ctx)) continue;
    qualified++;
    if (p.status === 'available' && (p.load[need.kind] ?? 0) === 0) idle++;
  }
  return qualified ? idle / qualified : 0;
}
