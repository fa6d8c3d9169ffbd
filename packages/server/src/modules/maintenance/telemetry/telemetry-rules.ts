// Telemetry rules per device model (pure, no I/O): a threshold, a rate of change, "N of the last M
// readings" beyond a limit, and a trend forecast (least squares on a recent window: when will the
// metric cross its limit?). A rule that fires names its problem and the readings that made it fire.

export const RULE_KINDS = ['threshold', 'rate', 'n_of_m', 'trend'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export type Direction = 'above' | 'below';

export interface Reading {
  at: Date;
  value: number;
}

export type RuleParams =
  | { kind: 'threshold'; op: Direction; limit: number }
  /** |change per hour| over the last `windowMinutes` exceeds `perHour` (in the rule's direction) */
  | { kind: 'rate'; op: Direction; perHour: number; windowMinutes: number }
  | { kind: 'n_of_m'; op: Direction; limit: number; n: number; m: number }
  /** the fitted line over the last `windowHours` crosses `limit` within `horizonHours` (at least `minPoints` readings, fit at least `minR2`) */
  | { kind: 'trend'; op: Direction; limit: number; windowHours: number; horizonHours: number; minPoints?: number; minR2?: number };

export interface TelemetryRule {
  id: string;
  metric: string;
  /** the problem a work order is opened for: one open order per asset and problem */
  problem: string;
  params: RuleParams;
}

export interface Firing {
  ruleId: string;
  problem: string;
  metric: string;
  /** why, in words for the ticket */
  reason: string;
  /** the readings that made it fire (the newest last) */
  readings: Reading[];
  /** trend: when the fitted line reaches the limit */
  forecastAt?: Date;
}

/** How many readings of a metric a rule needs to look back at, at most (the caller loads this window). */
export function windowOf(p: RuleParams): { points: number; ms: number } {
  switch (p.kind) {
    case 'threshold':
      return { points: 1, ms: 0 };
    case 'rate':
      return { points: 0, ms: p.windowMinutes * 60_000 };
    case 'n_of_m':
      return { points: p.m, ms: 0 };
    case 'trend':
      return { points: 0, ms: p.windowHours * 3_600_000 };
  }
}

const beyond = (op: Direction, value: number, limit: number) => (op === 'above' ? value > limit : value < limit);
const fmt = (v: number) => String(Math.round(v * 100) / 100);

/** Ordinary least squares of value on time (hours since the first reading): slope per hour, intercept, r². */
export function fitLine(rs: Reading[]): { slope: number; intercept: number; r2: number; t0: number } | null {
  if (rs.length < 2) return null;
  const t0 = rs[0].at.getTime();
  let sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
  for (const r of rs) {
    const x = (r.at.getTime() - t0) / 3_600_000;
    sx += x; sy += r.value; sxx += x * x; sxy += x * r.value; syy += r.value * r.value;
  }
  const n = rs.length;
  const vx = sxx - (sx * sx) / n;
  if (vx <= 0) return null;
  const cov = sxy - (sx * sy) / n;
  const vy = syy - (sy * sy) / n;
  const slope = cov / vx;
  const intercept = (sy - slope * sx) / n;
  const r2 = vy > 0 ? (cov * cov) / (vx * vy) : 1;
  return { slope, intercept, r2, t0 };
}

/**
 * When the line fitted to `rs` reaches `limit` going in direction `op`: the time, or null when it
 * moves away from it (or is flat, or fits too badly). A line already past the limit crosses "now".
 */
export function forecastCrossing(rs: Reading[], op: Direction, limit: number, minR2 = 0): Date | null {
  const fit = fitLine(rs);
  if (!fit || fit.r2 < minR2) return null;
  const heading = op === 'above' ? fit.slope > 0 : fit.slope < 0;
  if (!heading) return null;
  const hours = (limit - fit.intercept) / fit.slope;
  const last = rs[rs.length - 1].at.getTime();
  return new Date(Math.max(last, fit.t0 + hours * 3_600_000));
}

/**
 * Evaluates one rule on a metric's readings (oldest first, the newest at `now` or before): the firing,
 * or null. Only the newest reading can make threshold and N-of-M rules fire, so an old excursion
 * already answered does not fire again on every batch.
 */
export function evaluateRule(rule: TelemetryRule, rs: Reading[], now: Date): Firing | null {
  if (!rs.length) return null;
  const p = rule.params;
  const last = rs[rs.length - 1];
  const fire = (reason: string, readings: Reading[], forecastAt?: Date): Firing => ({ ruleId: rule.id, problem: rule.problem, metric: rule.metric, reason, readings, ...(forecastAt ? { forecastAt } : {}) });
  switch (p.kind) {
    case 'threshold':
      return beyond(p.op, last.value, p.limit) ? fire(`${rule.metric} = ${fmt(last.value)}，${p.op === 'above' ? '高于' : '低于'}限值 ${fmt(p.limit)}`, [last]) : null;
    case 'n_of_m': {
      const tail = rs.slice(-p.m);
      const hits = tail.filter((r) => beyond(p.op, r.value, p.limit));
      if (hits.length < p.n || !beyond(p.op, last.value, p.limit)) return null;
      return fire(`最近 ${tail.length} 次读数中 ${hits.length} 次${p.op === 'above' ? '高于' : '低于'} ${fmt(p.limit)}（规则：${p.m} 次中 ${p.n} 次）`, tail);
    }
    case 'rate': {
      const since = last.at.getTime() - p.windowMinutes * 60_000;
      const win = rs.filter((r) => r.at.getTime() >= since);
      if (win.length < 2) return null;
      const hours = (last.at.getTime() - win[0].at.getTime()) / 3_600_000;
      if (hours <= 0) return null;
      const perHour = (last.value - win[0].value) / hours;
      const fast = p.op === 'above' ? perHour > p.perHour : perHour < -p.perHour;
      return fast ? fire(`${rule.metric} 每小时变化 ${fmt(perHour)}，超过 ${fmt(p.perHour)}/小时`, [win[0], last]) : null;
    }
    case 'trend': {
      const since = now.getTime() - p.windowHours * 3_600_000;
      const win = rs.filter((r) => r.at.getTime() >= since);
      if (win.length < (p.minPoints ?? 10)) return null;
      const at = forecastCrossing(win, p.op, p.limit, p.minR2 ?? 0.5);
      if (!at || at.getTime() > now.getTime() + p.horizonHours * 3_600_000) return null;
      const hours = Math.max(0, (at.getTime() - now.getTime()) / 3_600_000);
      return fire(`按最近 ${p.windowHours} 小时的趋势，${rule.metric} 预计约 ${fmt(hours)} 小时后${p.op === 'above' ? '超过' : '低于'} ${fmt(p.limit)}`, sample(win, 20), at);
    }
  }
}

/** At most `k` readings spread over the window, the first and last included (what the ticket shows). */
export function sample(rs: Reading[], k: number): Reading[] {
  if (rs.length <= k) return rs;
  const out: Reading[] = [];
  for (let i = 0; i < k; i++) out.push(rs[Math.round((i * (rs.length - 1)) / (k - 1))]);
  return out;
}

/** Each problem once: the first firing of a problem wins (rules are in the tenant's order). */
export function firingsByProblem(firings: Firing[]): Firing[] {
  const seen = new Set<string>();
  return firings.filter((f) => !seen.has(f.problem) && seen.add(f.problem));
}
