// Batch-optimal dispatch: the needs that arrived in one window, matched to people by the exact minimum
// total cost (Hungarian algorithm, `munkres`), never greedily.
//
// Rows are needs; columns are free slots: a person with c free slots of a kind appears c times for that
// kind (capped at the number of needs of the kind), so capacity holds by construction. The objective is
//
//   Σ over assigned pairs ( (1 − score) + r × loadStep − urgency(priority) )        (unassigned: 0)
//
// • 1 − score ∈ [0, 1]: the pair's cost, from the same score as rank().
// • r × loadStep: the r-th extra slot (r = 0, 1, …) of a person costs what their load term would lose
//   with r more tickets in hand (w.load / Σw × r / capacity), so a batch spreads like single decisions.
// • urgency(priority) > 2 bounds every pair cost, so assigning is always better than leaving a need out
//   when a slot is eligible, and when slots are short the urgent needs win them: one urgent (10)
//   outweighs two normal (4 + 4) needs.
// Ineligible pairs (a hard rule, another kind) cost exactly as much as leaving the need unassigned, so
// they never improve the total; the solver may still place them and they are dropped afterwards.
// All costs are shifted by max urgency to be ≥ 0 (a constant per pair: the optimum does not move).
// Each need only considers its N best people (N = needs of its kind): some optimum always lies there.
import munkres from 'munkres';
import { rank } from './rank';
import type { DecisionContext, Need, Person, Weights } from './types';

export const URGENCY: Record<Need['priority'], number> = { low: 3, normal: 4, high: 6, urgent: 10 };

export interface BatchResult {
  /** cost = (1 − score) + r × loadStep of the pair (the urgency part is not included) */
  assignments: { ticketId: string; personId: string; cost: number }[];
  unassigned: string[];
}

/** What the r-th extra slot of a person adds to a pair's cost (see above). */
export function loadStep(p: Person, kind: Need['kind'], w: Weights): number {
  const total = w.travel + w.load + w.speed + w.firstFix + w.skillFit + w.tier + w.preferred + w.fairness;
  const cap = p.capacity[kind] ?? 0;
  return total > 0 && cap > 0 ? w.load / total / cap : 0;
}

interface Column {
  person: Person;
  kind: Need['kind'];
  r: number;
  step: number;
}

export function matchBatch(needs: Need[], people: Person[], ctx: DecisionContext, weights: Weights): BatchResult {
  const perKind = new Map<Need['kind'], number>();
  for (const n of needs) perKind.set(n.kind, (perKind.get(n.kind) ?? 0) + 1);
  // per need: its best people's scores; per (person, kind): how many needs might use them
  const scores: Map<string, number>[] = [];
  const uses = new Map<string, number>();
  for (const need of needs) {
    const top = rank(people, need, ctx, weights).candidates.slice(0, perKind.get(need.kind));
    const m = new Map<string, number>();
    for (const c of top) {
      m.set(c.personId, c.score);
      const key = `${need.kind}\u0000${c.personId}`;
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
    scores.push(m);
  }
  const columns: Column[] = [];
  for (const p of people) {
    for (const [kind, n] of perKind) {
      const used = uses.get(`${kind}\u0000${p.id}`);
      if (!used) continue;
      const free = (p.capacity[kind] ?? 0) - (p.load[kind] ?? 0);
      const step = loadStep(p, kind, weights);
      for (let r = 0; r < Math.min(free, n, used); r++) columns.push({ person: p, kind, r, step });
    }
  }
  if (columns.length === 0 || needs.length === 0) return { assignments: [], unassigned: needs.map((n) => n.ticketId) };

  let shift = 0;
  for (const n of needs) shift = Math.max(shift, URGENCY[n.priority]);
  const pairCost = (i: number, j: number): number | null => {
    const col = columns[j];
    if (needs[i].kind !== col.kind) return null;
    const s = scores[i].get(col.person.id);
    return s === undefined ? null : 1 - s + col.r * col.step;
  };
  const matrix: number[][] = needs.map((need, i) => {
    const row = new Array<number>(columns.length);
    for (let j = 0; j < columns.length; j++) {
      const c = pairCost(i, j);
      row[j] = c === null ? shift : shift + c - URGENCY[need.priority];
    }
    return row;
  });
  const byRow: (BatchResult['assignments'][number] | undefined)[] = new Array(needs.length);
  for (const [i, j] of munkres(matrix)) {
    const c = pairCost(i, j);
    if (c !== null) byRow[i] = { ticketId: needs[i].ticketId, personId: columns[j].person.id, cost: c };
  }
  const assignments: BatchResult['assignments'] = [];
  const unassigned: string[] = [];
  for (let i = 0; i < needs.length; i++) {
    const a = byRow[i];
    if (a) assignments.push(a);
    else unassigned.push(needs[i].ticketId);
  }
  return { assignments, unassigned };
}
