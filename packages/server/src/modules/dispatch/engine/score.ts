// The score: who SHOULD take a need among the people the hard rules allow. Each term has a raw value,
// a goodness in 0..1 and its weighted share; score = Σ weight × goodness / Σ weights (0..1).
import { personPosition, travelKm, travelMinutesBetween } from './geo';
import type { Candidate, DecisionContext, Need, Person, Term, Weights } from './types';

/**
 * Default weights. Travel and first-time fix matter most for field work (the promises: −28% commute,
 * 92% first-visit fix); load keeps people under their capacity evenly; speed, skill fit, customer tier,
 * the customer's preferred engineer and fairness over the day break the rest. 0 switches a term off.
 */
export const DEFAULT_WEIGHTS: Weights = { travel: 3, load: 2, speed: 1, firstFix: 2, skillFit: 1, tier: 1, preferred: 1, fairness: 4 };

/** Customer tiers that favour high skill and high first-time fix (customers module's CUSTOMER_TIERS). */
export const TOP_TIERS: ReadonlySet<string> = new Set(['vip', 'svip', 'key_account']);

/** Travel goodness halves at this many minutes: 0 min → 1, 30 → 0.5, 90 → 0.25. */
const TRAVEL_HALF_MIN = 30;
/** Below this many solved tickets, speed shrinks toward neutral (solved / 5 of the signal). */
const SPEED_FULL_AT = 5;
/** Prior strength of the pool's first-fix rate, in pseudo-tickets. */
const FIRST_FIX_PRIOR = 5;
/** Fairness: a person with the pool's mean work today scores about 0.5; none scores 1. */
const FAIRNESS_SLACK_MIN = 30;

/** Statistics of the pool for one need, computed once per rank call. */
export interface PoolStats {
  /** median of the people's median resolution minutes on the need's category (null: nobody has history) */
  medianMin: number | null;
  /** the pool's first-fix rate on the category, weighted by tickets solved (null: no history) */
  firstFixRate: number | null;
  /** mean minutes of work assigned today */
  meanWorkMin: number;
}

export function poolStats(people: Person[], need: Need): PoolStats {
  const medians = new Float64Array(people.length);
  let n = 0;
  let fixed = 0;
  let solved = 0;
  let work = 0;
  const cat = need.categoryId;
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    work += p.workMinutesToday;
    if (cat === null) continue;
    const r = p.history[cat];
    if (r && r.solved > 0) {
      medians[n++] = r.medianResolutionMin;
      fixed += r.firstFixRate * r.solved;
      solved += r.solved;
    }
  }
  const sorted = medians.subarray(0, n).sort(); // typed arrays sort numerically, without a comparator
  const medianMin = n === 0 ? null : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { medianMin, firstFixRate: solved > 0 ? fixed / solved : null, meanWorkMin: people.length ? work / people.length : 0 };
}

/** Share of the person's capacity for the kind still free, 0..1. */
export function freeShare(p: Person, kind: Need['kind']): number {
  const cap = p.capacity[kind] ?? 0;
  return cap > 0 ? Math.max(0, (cap - (p.load[kind] ?? 0)) / cap) : 0;
}

/** Skill level against the required level: meeting it or one above is best; far over-qualified a bit
 * lower (keeps experts free); urgent tickets and top tiers prefer the higher level instead. */
export function skillFitGoodness(has: number, required: number, prefersHigh: boolean): number {
  const diff = has - required;
  if (diff < 0) return 0;
  if (prefersHigh) return Math.min(1, 0.6 + 0.1 * diff);
  return diff <= 1 ? 1 : Math.max(0.5, 1 - 0.15 * (diff - 1));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function scorePerson(p: Person, need: Need, ctx: DecisionContext, w: Weights, pool: PoolStats): Candidate {
  // travel
  let km: number | null = null;
  let minutes: number | null = null;
  let gTravel = 0.5;
  const from = need.location ? personPosition(p, ctx) : null;
  if (from && need.location) {
    km = travelKm(from, need.location);
    minutes = travelMinutesBetween(from, need.location, ctx, km);
    gTravel = 1 / (1 + minutes / TRAVEL_HALF_MIN);
  }
  // load
  const gLoad = freeShare(p, need.kind);
  // speed and first fix on the category
  const rec = need.categoryId !== null ? p.history[need.categoryId] : undefined;
  const hasRec = rec !== undefined && rec.solved > 0;
  let gSpeed = 0.5;
  if (hasRec && pool.medianMin !== null) {
    const ratio = pool.medianMin / Math.max(1, rec.medianResolutionMin);
    gSpeed = 0.5 + (ratio / (1 + ratio) - 0.5) * (Math.min(rec.solved, SPEED_FULL_AT) / SPEED_FULL_AT);
  }
  const prior = pool.firstFixRate ?? 0.5;
  const gFix = hasRec ? (rec.firstFixRate * rec.solved + prior * FIRST_FIX_PRIOR) / (rec.solved + FIRST_FIX_PRIOR) : prior;
  // skill fit
  const top = need.customerTier !== null && TOP_TIERS.has(need.customerTier);
  const level = need.skill !== null ? (p.skills[need.skill] ?? 0) : 0;
  const gSkill = need.skill !== null ? skillFitGoodness(level, need.level ?? 1, top || need.priority === 'urgent') : 0.5;
  // customer tier: top tiers favour a high level and a high first-fix rate
  let gTier = 0.5;
  if (top) {
    let lv = level;
    if (need.skill === null) for (const k in p.skills) lv = Math.max(lv, p.skills[k]);
    gTier = 0.5 * Math.min(1, lv / 5) + 0.5 * gFix;
  }
  const prefs = need.preferredUserIds;
  const isPreferred = prefs.length > 0 && prefs.includes(p.id);
  const gPref = prefs.length === 0 ? 0.5 : isPreferred ? 1 : 0;
  const gFair = 1 / (1 + p.workMinutesToday / (pool.meanWorkMin + FAIRNESS_SLACK_MIN));

  const terms: Term[] = [
    { name: 'travel', value: minutes === null ? null : round1(minutes), goodness: gTravel, weighted: w.travel * gTravel },
    { name: 'load', value: p.load[need.kind] ?? 0, goodness: gLoad, weighted: w.load * gLoad },
    { name: 'speed', value: hasRec ? rec.medianResolutionMin : null, goodness: gSpeed, weighted: w.speed * gSpeed },
    { name: 'firstFix', value: hasRec ? rec.firstFixRate : null, goodness: gFix, weighted: w.firstFix * gFix },
    { name: 'skillFit', value: need.skill !== null ? level : null, goodness: gSkill, weighted: w.skillFit * gSkill },
    { name: 'tier', value: need.customerTier, goodness: gTier, weighted: w.tier * gTier },
    { name: 'preferred', value: prefs.length === 0 ? null : isPreferred ? 1 : 0, goodness: gPref, weighted: w.preferred * gPref },
    { name: 'fairness', value: p.workMinutesToday, goodness: gFair, weighted: w.fairness * gFair },
  ];
  const total = w.travel + w.load + w.speed + w.firstFix + w.skillFit + w.tier + w.preferred + w.fairness;
  let sum = 0;
  for (let i = 0; i < terms.length; i++) sum += terms[i].weighted;
  return { personId: p.id, score: total > 0 ? sum / total : 0, terms, travelKm: km, travelMinutes: minutes };
}
