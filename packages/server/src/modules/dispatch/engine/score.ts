// The score: who SHOULD take a need among the people the hard rules allow. Each term has a raw value,
// a goodness in 0..1 and its weighted share; score = Σ weight × goodness / Σ weights (0..1).
import { insertion } from './insertion';
import { dailyLimitReached } from './rules';
import type { Candidate, DecisionContext, Need, Person, Term, Weights } from './types';

/**
 * Default weights. Travel and first-time fix matter most for field work (the promises: −28% commute,
 * 92% first-visit fix); load keeps people under their capacity evenly; speed, skill fit, customer tier,
 * the customer's preferred engineer and fairness over the day break the rest; deadline (arriving
 * before need.dueAt, counting the work in hand) keeps the SLA. 0 switches a term off. Tuned on the
 * simulator's generated days and Solomon instances (docs/DISPATCH-SIMULATOR.md).
 */
export const DEFAULT_WEIGHTS: Required<Weights> = { travel: 3, load: 2, speed: 1, firstFix: 2, skillFit: 1, tier: 1, preferred: 1, fairness: 4, deadline: 3 };

/** A weight object with every key: keys a caller's object lacks (stored before a term existed) take their default. */
export function fullWeights(w: Weights): Required<Weights> {
  return w.deadline === undefined ? { ...w, deadline: DEFAULT_WEIGHTS.deadline } : (w as Required<Weights>);
}

/** Σ of the weights (a missing key counts its default). */
export function weightTotal(w: Weights): number {
  return w.travel + w.load + w.speed + w.firstFix + w.skillFit + w.tier + w.preferred + w.fairness + (w.deadline ?? DEFAULT_WEIGHTS.deadline);
}

/** Customer tiers that favour high skill and high first-time fix (customers module's CUSTOMER_TIERS). */
export const TOP_TIERS: ReadonlySet<string> = new Set(['vip', 'svip', 'key_account']);

/** Travel goodness halves at this many minutes: 0 min → 1, 30 → 0.5, 90 → 0.25. */
const TRAVEL_HALF_MIN = 30;
/** Below this many solved tickets, speed shrinks toward neutral (solved / 5 of the signal). */
const SPEED_FULL_AT = 5;
/** Prior strength of the pool's first-fix rate, in pseudo-tickets. */
const FIRST_FIX_PRIOR = 5;
/** Fairness, from the pool's distribution of work today: a logistic of (work − the pool's mean) over the
 * pool's standard deviation (at least FAIRNESS_SCALE_MIN), so the mean scores 0.5, one deviation above
 * 0.27 and below 0.73; it counts fully when many people are idle (FAIRNESS_IDLE_GAIN × the idle share
 * ≥ 1) and FAIRNESS_BASE of it when everyone is busy (then the day's work evens itself out, and travel
 * is what frees capacity). Tuned on the simulator (docs/DISPATCH-SIMULATOR.md). */
const FAIRNESS_SCALE_MIN = 15;
const FAIRNESS_BASE = 0.4;
const FAIRNESS_IDLE_GAIN = 1.5;
/** Deadline: goodness 0.5 at this many minutes of slack between the estimated arrival and dueAt … */
const DEADLINE_MARGIN_MIN = 5;
/** … and it moves over about this many minutes (logistic): 0 slack → 0.27, 20 → 0.95, 10 late → 0.05. */
const DEADLINE_SCALE_MIN = 5;

/** Statistics of the pool for one need, computed once per rank call. */
export interface PoolStats {
  /** median of the people's median resolution minutes on the need's category (null: nobody has history) */
  medianMin: number | null;
  /** the pool's first-fix rate on the category, weighted by tickets solved (null: no history) */
  firstFixRate: number | null;
  /** mean minutes of work assigned today */
  meanWorkMin: number;
  /** their standard deviation */
  sdWorkMin: number;
  /** share of the people who can take the need's kind (capacity for it) that are available with none in hand */
  idleShare: number;
}

export function poolStats(people: Person[], need: Need): PoolStats {
  const medians = new Float64Array(people.length);
  let n = 0;
  let fixed = 0;
  let solved = 0;
  let work = 0;
  let work2 = 0;
  let idle = 0;
  let able = 0;
  const cat = need.categoryId;
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    work += p.workMinutesToday;
    work2 += p.workMinutesToday * p.workMinutesToday;
    if ((p.capacity[need.kind] ?? 0) > 0 && !dailyLimitReached(p, need.kind)) {
      able++;
      if (p.status === 'available' && (p.load[need.kind] ?? 0) === 0) idle++;
    }
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
  const mean = people.length ? work / people.length : 0;
  const sd = people.length ? Math.sqrt(Math.max(0, work2 / people.length - mean * mean)) : 0;
  return { medianMin, firstFixRate: solved > 0 ? fixed / solved : null, meanWorkMin: mean, sdWorkMin: sd, idleShare: able ? idle / able : 0 };
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

/** See FAIRNESS_SCALE_MIN: less work than the pool → above 0.5, more → below, damped when few are idle. */
export function fairnessGoodness(workMin: number, pool: PoolStats): number {
  const logistic = 1 / (1 + Math.exp((workMin - pool.meanWorkMin) / Math.max(FAIRNESS_SCALE_MIN, pool.sdWorkMin)));
  return 0.5 + (logistic - 0.5) * (FAIRNESS_BASE + (1 - FAIRNESS_BASE) * Math.min(1, FAIRNESS_IDLE_GAIN * pool.idleShare));
}

/** Late → near 0, comfortable → 1, logistic around DEADLINE_MARGIN_MIN of slack; no deadline → 0.5. */
export function deadlineGoodness(slackMin: number | null): number {
  if (slackMin === null) return 0.5;
  return 1 / (1 + Math.exp(-(slackMin - DEADLINE_MARGIN_MIN) / DEADLINE_SCALE_MIN));
}

/** Order of the terms in a Candidate (and of the goodness values in G). */
const TERM_NAMES = ['travel', 'load', 'speed', 'firstFix', 'skillFit', 'tier', 'preferred', 'fairness', 'deadline'] as const;
const T = { travel: 0, load: 1, speed: 2, firstFix: 3, skillFit: 4, tier: 5, preferred: 6, fairness: 7, deadline: 8 } as const;

/** Goodness of every term for one pair, into `g` (length 9); the raw facts the terms explain, into `raw`. */
interface Raw {
  /** the trip to the site: km and minutes */
  km: number | null;
  trip: number | null;
  /** travel minutes the job adds at its place (what the travel term grades) */
  minutes: number | null;
  insertBefore: number | null;
  rec: Person['history'][string] | undefined;
  level: number;
  slack: number | null;
}

function goodness(p: Person, need: Need, ctx: DecisionContext, pool: PoolStats, g: Float64Array, raw: Raw): void {
  // travel the job adds at its best place in the person's jobs (insertion.ts), and the slack left there
  const ins = insertion(p, need, ctx);
  const km = ins.km;
  const minutes = ins.travelMinutes;
  g[T.travel] = minutes === null ? 0.5 : 1 / (1 + Math.max(0, minutes) / TRAVEL_HALF_MIN);
  g[T.load] = freeShare(p, need.kind);
  // speed and first fix on the category
  const rec = need.categoryId !== null ? p.history[need.categoryId] : undefined;
  const hasRec = rec !== undefined && rec.solved > 0;
  let gSpeed = 0.5;
  if (hasRec && pool.medianMin !== null) {
    const ratio = pool.medianMin / Math.max(1, rec.medianResolutionMin);
    gSpeed = 0.5 + (ratio / (1 + ratio) - 0.5) * (Math.min(rec.solved, SPEED_FULL_AT) / SPEED_FULL_AT);
  }
  g[T.speed] = gSpeed;
  const prior = pool.firstFixRate ?? 0.5;
  const gFix = hasRec ? (rec.firstFixRate * rec.solved + prior * FIRST_FIX_PRIOR) / (rec.solved + FIRST_FIX_PRIOR) : prior;
  g[T.firstFix] = gFix;
  // skill fit
  const top = need.customerTier !== null && TOP_TIERS.has(need.customerTier);
  const level = need.skill !== null ? (p.skills[need.skill] ?? 0) : 0;
  g[T.skillFit] = need.skill !== null ? skillFitGoodness(level, need.level ?? 1, top || need.priority === 'urgent') : 0.5;
  // customer tier: top tiers favour a high level and a high first-fix rate
  let gTier = 0.5;
  if (top) {
    let lv = level;
    if (need.skill === null) for (const k in p.skills) lv = Math.max(lv, p.skills[k]);
    gTier = 0.5 * Math.min(1, lv / 5) + 0.5 * gFix;
  }
  g[T.tier] = gTier;
  const prefs = need.preferredUserIds;
  g[T.preferred] = prefs.length === 0 ? 0.5 : prefs.includes(p.id) ? 1 : 0;
  g[T.fairness] = fairnessGoodness(p.workMinutesToday, pool);
  // deadline: the least slack at that place (the new job's, and the delayed jobs' that were on time)
  const slack = ins.slackMinutes;
  g[T.deadline] = deadlineGoodness(slack);
  raw.km = km;
  raw.minutes = minutes;
  raw.trip = ins.tripMinutes;
  raw.insertBefore = ins.index < (p.stops?.length ?? 0) ? ins.index + 1 : null;
  raw.rec = hasRec ? rec : undefined;
  raw.level = level;
  raw.slack = slack;
}

const G = new Float64Array(TERM_NAMES.length);
const RAW: Raw = { km: null, minutes: null, trip: null, insertBefore: null, rec: undefined, level: 0, slack: null };

function weightOf(w: Weights, i: number): number {
  const v = w[TERM_NAMES[i]];
  return v === undefined ? DEFAULT_WEIGHTS[TERM_NAMES[i]] : v;
}

/** The score alone (Σ weight × goodness / Σ weights), without building the terms: what matchBatch needs. */
export function scoreValue(p: Person, need: Need, ctx: DecisionContext, w: Weights, pool: PoolStats): number {
  goodness(p, need, ctx, pool, G, RAW);
  const total = weightTotal(w);
  if (total <= 0) return 0;
  let sum = 0;
  for (let i = 0; i < TERM_NAMES.length; i++) sum += weightOf(w, i) * G[i];
  return sum / total;
}

export function scorePerson(p: Person, need: Need, ctx: DecisionContext, w: Weights, pool: PoolStats): Candidate {
  goodness(p, need, ctx, pool, G, RAW);
  const { km, minutes, trip, insertBefore, rec, level, slack } = RAW;
  const prefs = need.preferredUserIds;
  const values: Term['value'][] = [
    minutes === null ? null : round1(minutes),
    p.load[need.kind] ?? 0,
    rec ? rec.medianResolutionMin : null,
    rec ? rec.firstFixRate : null,
    need.skill !== null ? level : null,
    need.customerTier,
    prefs.length === 0 ? null : prefs.includes(p.id) ? 1 : 0,
    p.workMinutesToday,
    slack === null ? null : round1(slack),
  ];
  const terms: Term[] = new Array(TERM_NAMES.length);
  let sum = 0;
  for (let i = 0; i < TERM_NAMES.length; i++) {
    const weighted = weightOf(w, i) * G[i];
    sum += weighted;
    terms[i] = { name: TERM_NAMES[i], value: values[i], goodness: G[i], weighted };
  }
  const total = weightTotal(w);
  return { personId: p.id, score: total > 0 ? sum / total : 0, terms, travelKm: km, travelMinutes: trip, insertBefore };
}
