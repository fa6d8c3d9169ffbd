import type { Candidate, Person, Ranking, Weights } from '../engine/types';
import type { PolicyRow } from '../profiles/policy-repository';
import { DEFAULT_WEIGHTS } from '../engine';

// The stored decision (dispatch_assignments.decision) and the API's view of it: the top candidates with
// their terms, and everyone a hard rule excluded, by name.

export interface StoredDecision {
  chosen: string | null;
  strategy: string;
  candidates: { userId: string; name: string; score: number; travelKm: number | null; travelMinutes?: number | null; insertBefore?: number | null; terms: { name: string; value: unknown; goodness: number; weighted: number }[] }[];
  excluded: { userId: string; name: string; reasons: { rule: string; detail: Record<string, unknown> }[] }[];
  /** the policy's target was the nearest outlet (服务网点): the one chosen, km from the site */
  outlet?: { id: string; name: string; km: number };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function candidateView(c: Candidate, byId: Map<string, Person>) {
  return {
    userId: c.personId,
    name: byId.get(c.personId)?.name ?? '',
    score: round(c.score),
    travelKm: c.travelKm === null ? null : round(c.travelKm),
    travelMinutes: c.travelMinutes === null ? null : round(c.travelMinutes),
    insertBefore: c.insertBefore,
    terms: c.terms.map((t) => ({ name: t.name, value: typeof t.value === 'number' ? round(t.value) : t.value, goodness: round(t.goodness), weighted: round(t.weighted) })),
  };
}

export function storedDecision(chosen: string | null, strategy: string, ranking: Ranking, byId: Map<string, Person>): StoredDecision {
  return {
    chosen,
    strategy,
    candidates: ranking.candidates.slice(0, 10).map((c) => candidateView(c, byId)),
    excluded: ranking.excluded.slice(0, 50).map((e) => ({ userId: e.personId, name: byId.get(e.personId)?.name ?? '', reasons: e.reasons.map((r) => ({ rule: r.rule, detail: r.detail })) })),
  };
}

/** The policy's weights over the engine's defaults (unknown or non-numeric keys ignored). */
export function weightsOf(policy: PolicyRow): Weights {
  const w: Weights = { ...DEFAULT_WEIGHTS };
  for (const k of Object.keys(w) as (keyof Weights)[]) {
    const v = policy.weights?.[k];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) w[k] = v;
  }
  return w;
}

/** The decision as the API shows it (old rows may lack parts). */
export function decisionView(d: Record<string, unknown>) {
  const s = d as Partial<StoredDecision>;
  return { chosen: s.chosen ?? null, candidates: s.candidates ?? [], excluded: s.excluded ?? [], outlet: s.outlet ?? null };
}
