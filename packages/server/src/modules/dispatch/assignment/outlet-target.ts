import { nearestOutlet, rank, travelKm } from '../engine';
import type { DecisionContext, Need, Person, Ranking, Weights } from '../engine/types';
import type { Pool } from './load-pool';

// 服务网点 as a dispatch target (a policy's `target: 'outlet'`): the nearest active outlet that can do the
// work, and the ranking of its own people. Pure over the pool read in the decision's transaction.

export interface OutletDecision {
  outlet: { id: string; name: string; km: number };
  personId: string;
  /** the chosen outlet's people, ranked by the engine's score */
  ranking: Ranking;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const peopleOf = (people: Person[], outletId: string) => people.filter((p) => p.outletId === outletId);

/** The nearest outlet that can do it and its best person; null when the need has no place or no outlet can. */
export function chooseAtOutlet(pool: Pool, need: Need, ctx: DecisionContext, weights: Weights): OutletDecision | null {
  const choice = nearestOutlet(need, pool.outlets, pool.people, ctx, weights);
  if (!choice?.personId) return null;
  const outlet = pool.outlets.find((o) => o.id === choice.outletId)!;
  return { outlet: { id: outlet.id, name: outlet.name, km: round(choice.km) }, personId: choice.personId, ranking: rank(peopleOf(pool.people, outlet.id), need, ctx, weights) };
}

/** The nearest active outlets to the need's place, nearest first, with how many of their people could take it now. */
export function outletOptions(pool: Pool, need: Need, ctx: DecisionContext, weights: Weights, limit = 5) {
  const at = need.location;
  if (!at) return [];
  return pool.outlets
    .filter((o) => o.active !== false)
    .map((o) => ({ o, km: travelKm(o.at, at) }))
    .sort((a, b) => a.km - b.km || (a.o.id < b.o.id ? -1 : 1))
    .slice(0, limit)
    .map(({ o, km }) => ({ id: o.id, name: o.name, km: round(km), eligiblePeople: rank(peopleOf(pool.people, o.id), need, ctx, weights).candidates.length }));
}
