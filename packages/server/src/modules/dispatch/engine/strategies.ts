// The dispatch modes a team can run (and the simulator compares). Every strategy picks among the
// candidates of rank(), so the hard rules hold for all of them; the ranking is returned too, and the
// server stores it as the decision's reasons.
import { rank } from './rank';
import { freeShare } from './score';
import type { Candidate, DecisionContext, Need, Person, Ranking, Strategy, Weights } from './types';

export interface Choice {
  personId: string | null;
  ranking: Ranking;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Epoch ms of the last assignment; never assigned sorts first. */
const lastAt = (last: Record<string, number>, id: string) => last[id] ?? Number.NEGATIVE_INFINITY;

/** The best of the candidates by `better` (negative: a before b); null when there are none. */
function best(cands: Candidate[], better: (a: Candidate, b: Candidate) => number): string | null {
  let top: Candidate | null = null;
  for (const c of cands) if (top === null || better(c, top) < 0) top = c;
  return top?.personId ?? null;
}

/**
 * round_robin: the eligible person whose last assignment is oldest (never assigned first; ties by id).
 * nearest: shortest travel; people with no known position come after; no location at all → least loaded.
 * least_loaded: lowest load share of the kind's capacity; ties oldest last assignment, then id.
 * skills: highest level in need.skill; ties by score (rank order).
 * scored: the top of the ranking.
 */
export function choose(
  strategy: Strategy,
  people: Person[],
  need: Need,
  ctx: DecisionContext,
  weights: Weights,
  lastAssignedAt: Record<string, number>,
): Choice {
  const ranking = rank(people, need, ctx, weights);
  const cands = ranking.candidates;
  if (cands.length === 0) return { personId: null, ranking };
  const order = new Map<string, number>();
  cands.forEach((c, i) => order.set(c.personId, i));
  const byPerson = new Map<string, Person>();
  for (const p of people) byPerson.set(p.id, p);
  const load = (c: Candidate) => 1 - freeShare(byPerson.get(c.personId)!, need.kind);
  const leastLoaded = (a: Candidate, b: Candidate) =>
    load(a) - load(b) || lastAt(lastAssignedAt, a.personId) - lastAt(lastAssignedAt, b.personId) || byId(a.personId, b.personId);
  switch (strategy) {
    case 'scored':
      return { personId: cands[0].personId, ranking };
    case 'round_robin':
      return { personId: best(cands, (a, b) => lastAt(lastAssignedAt, a.personId) - lastAt(lastAssignedAt, b.personId) || byId(a.personId, b.personId)), ranking };
    case 'least_loaded':
      return { personId: best(cands, leastLoaded), ranking };
    case 'nearest': {
      const t = (c: Candidate) => c.travelMinutes ?? Number.POSITIVE_INFINITY;
      return { personId: best(cands, (a, b) => (t(a) === t(b) ? leastLoaded(a, b) : t(a) < t(b) ? -1 : 1)), ranking };
    }
    case 'skills': {
      const lv = (c: Candidate) => (need.skill === null ? 0 : (byPerson.get(c.personId)!.skills[need.skill] ?? 0));
      return { personId: best(cands, (a, b) => lv(b) - lv(a) || order.get(a.personId)! - order.get(b.personId)!), ranking };
    }
    default:
      throw new Error(`unknown dispatch strategy ${String(strategy)}`);
  }
}
