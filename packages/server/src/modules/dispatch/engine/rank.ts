// rank(): the hard rules, then the score, for one need over a pool of people.
import { exclusions } from './rules';
import { freeShare, poolStats, scorePerson } from './score';
import type { Candidate, DecisionContext, Need, Person, Ranking, Weights } from './types';

/** Candidates best first (score desc; ties: less load share for the kind, then id), and everyone a
 * hard rule excludes with all their reasons. Pool statistics are computed once per call. */
export function rank(people: Person[], need: Need, ctx: DecisionContext, weights: Weights): Ranking {
  const pool = poolStats(people, need);
  const scored: { c: Candidate; load: number }[] = [];
  const excluded: Ranking['excluded'] = [];
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    const reasons = exclusions(p, need, ctx);
    if (reasons.length > 0) excluded.push({ personId: p.id, reasons });
    else scored.push({ c: scorePerson(p, need, ctx, weights, pool), load: 1 - freeShare(p, need.kind) });
  }
  scored.sort((a, b) => b.c.score - a.c.score || a.load - b.load || (a.c.personId < b.c.personId ? -1 : a.c.personId > b.c.personId ? 1 : 0));
  const candidates = new Array<Candidate>(scored.length);
  for (let i = 0; i < scored.length; i++) candidates[i] = scored[i].c;
  return { candidates, excluded };
}
