// Batch-optimal dispatch: the needs that arrived in one window, matched to people by the exact minimum
// total cost (Hungarian algorithm, `munkres`), never greedily.
//
// Rows are needs; columns are free slots: a person with c free slots of a kind appears c times for that
// kind (capped at the number of needs of the kind), so capacity holds by construction. The objective is
//
//   Σ over assigned pairs ( (1 − score) + r × loadStep − urgency(need) )        (unassigned: 0)
//
// • 1 − score ∈ [0, 1]: the pair's cost, from the same score as rank().
// • r × loadStep: the r-th extra slot (r = 0, 1, …) of a person costs what their load term would lose
//   with r more tickets in hand (w.load / Σw × r / capacity), so a batch spreads like single decisions.
// • urgency(need) = URGENCY[priority] + up to DUE_BONUS as the deadline (dueAt) comes near: ≥ 3 > 2
//   bounds every pair cost, so assigning is always better than leaving a need out when a slot is
//   eligible, and when slots are short the urgent needs win them: one urgent (10) outweighs two normal
//   (4 + 4) needs, and a normal need about to miss its deadline outweighs a normal one with hours left.
// Ineligible pairs (a hard rule, another kind) cost exactly as much as leaving the need unassigned, so
// they never improve the total; the solver may still place them and they are dropped afterwards.
// All costs are shifted by max urgency to be ≥ 0 (a constant per pair: the optimum does not move).
// Each need only considers its N best people (N = needs of its kind): some optimum always lies there.
// The hard rules are checked once per person (status, shift) and once per pair (the rest), and only the
// score is computed (no terms, no full ranking): a window of 50 needs over 1,000 people stays cheap.
import munkres from 'munkres';
import { eligibleFor, personAvailable, roomFor } from './rules';
import { poolStats, scoreValue, weightTotal, type PoolStats } from './score';
import type { DecisionContext, Need, Person, Weights } from './types';

export const URGENCY: Record<Need['priority'], number> = { low: 3, normal: 4, high: 6, urgent: 10 };
/** Urgency added at the deadline (0 with DUE_HORIZON_MIN or more left, or no deadline). */
export const DUE_BONUS = 4;
const DUE_HORIZON_MIN = 120;

/** How urgent a need is at `now`: its priority, plus up to DUE_BONUS as dueAt comes within DUE_HORIZON_MIN. */
export function urgencyOf(need: Need, now: Date): number {
  const base = URGENCY[need.priority];
  if (need.dueAt === null) return base;
  const left = (need.dueAt.getTime() - now.getTime()) / 60_000;
  return base + DUE_BONUS * Math.min(1, Math.max(0, 1 - left / DUE_HORIZON_MIN));
}

export interface BatchResult {
  /** cost = (1 − score) + r × loadStep of the pair (the urgency part is not included) */
  assignments: { ticketId: string; personId: string; cost: number }[];
  unassigned: string[];
}

/** What the r-th extra slot of a person adds to a pair's cost (see above). */
export function loadStep(p: Person, kind: Need['kind'], w: Weights): number {
  const total = weightTotal(w);
  const cap = p.capacity[kind] ?? 0;
  return total > 0 && cap > 0 ? w.load / total / cap : 0;
}

interface Column {
  person: Person;
  kind: Need['kind'];
  r: number;
  step: number;
}

/** The `n` best eligible people for a need by score (ties: any; some optimum lies among them). */
function topScores(need: Need, people: Person[], available: boolean[], n: number, ctx: DecisionContext, w: Weights, pool: PoolStats): Map<string, number> {
  const ids: string[] = [];
  const sc: number[] = [];
  for (let i = 0; i < people.length; i++) {
    if (!available[i] || !eligibleFor(people[i], need, ctx)) continue;
    const s = scoreValue(people[i], need, ctx, w, pool);
    if (sc.length === n && s <= sc[n - 1]) continue;
    let k = sc.length === n ? n - 1 : sc.length; // insertion into the kept list, best first
    while (k > 0 && sc[k - 1] < s) {
      sc[k] = sc[k - 1];
      ids[k] = ids[k - 1];
      k--;
    }
    sc[k] = s;
    ids[k] = people[i].id;
  }
  const m = new Map<string, number>();
  for (let k = 0; k < sc.length; k++) m.set(ids[k], sc[k]);
  return m;
}

export function matchBatch(needs: Need[], people: Person[], ctx: DecisionContext, weights: Weights): BatchResult {
  const perKind = new Map<Need['kind'], number>();
  for (const n of needs) perKind.set(n.kind, (perKind.get(n.kind) ?? 0) + 1);
  const available = people.map((p) => personAvailable(p, ctx));
  // pool statistics depend on the need's category and kind only
  const pools = new Map<string, PoolStats>();
  // per need: its best people's scores; per (person, kind): how many needs might use them
  const scores: Map<string, number>[] = [];
  const uses = new Map<string, number>();
  for (const need of needs) {
    const poolKey = `${need.kind}\u0000${need.categoryId ?? ''}\u0000${need.categoryId === null ? 'none' : 'cat'}`;
    let pool = pools.get(poolKey);
    if (!pool) pools.set(poolKey, (pool = poolStats(people, need)));
    const top = topScores(need, people, available, perKind.get(need.kind)!, ctx, weights, pool);
    for (const id of top.keys()) {
      const key = `${need.kind}\u0000${id}`;
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
    scores.push(top);
  }
  const columns: Column[] = [];
  for (const p of people) {
    for (const [kind, n] of perKind) {
      const used = uses.get(`${kind}\u0000${p.id}`);
      if (!used) continue;
      const free = roomFor(p, kind);
      const step = loadStep(p, kind, weights);
      for (let r = 0; r < Math.min(free, n, used); r++) columns.push({ person: p, kind, r, step });
    }
  }
  if (columns.length === 0 || needs.length === 0) return { assignments: [], unassigned: needs.map((n) => n.ticketId) };

  const urgency = needs.map((n) => urgencyOf(n, ctx.now));
  let shift = 0;
  for (const u of urgency) shift = Math.max(shift, u);
  const pairCost = (i: number, j: number): number | null => {
    const col = columns[j];
    if (needs[i].kind !== col.kind) return null;
    const s = scores[i].get(col.person.id);
    return s === undefined ? null : 1 - s + col.r * col.step;
  };
  const matrix: number[][] = needs.map((_, i) => {
    const row = new Array<number>(columns.length);
    for (let j = 0; j < columns.length; j++) {
      const c = pairCost(i, j);
      row[j] = c === null ? shift : shift + c - urgency[i];
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
