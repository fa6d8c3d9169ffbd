// The figures of one replay, as the CLI prints them (docs/DISPATCH-SIMULATOR.md explains each).
import type { ReplayRecord } from './replay';
import type { Scenario } from './scenario';

export interface StrategyFigures {
  strategy: string;
  scenario: string;
  engineers: number;
  tickets: number;
  /** share of tickets whose first engineer arrived on site within slaMinutes of the arrival */
  slaAttainment: number;
  travelKmTotal: number;
  /** km per visit */
  travelKmMean: number;
  /** arrival → first assignment, over assigned tickets */
  waitMeanMin: number;
  waitP95Min: number;
  /** coefficient of variation of work minutes (travel + service) between engineers */
  loadSpreadCv: number;
  /** their standard deviation, in minutes: how far apart people's days are (the CV divides it by the mean,
   * so a strategy that saves travel has a higher CV for the same spread in minutes) */
  loadSpreadSdMin: number;
  violations: number;
  reassignments: number;
  /** share of tickets solved by the first person sent, when the scenario gives fix probabilities */
  firstPersonFixShare: number | null;
  decisionLatencyP50Ms: number;
  decisionLatencyP99Ms: number;
  unassigned: number;
  /** jobs not started moved between engineers by 日内优化 (--improve-every) */
  moves: number;
}

export function figures(strategy: string, scenarioName: string, scenario: Scenario, rec: ReplayRecord): StrategyFigures {
  const n = rec.tickets.length;
  const inSla = rec.tickets.filter((t) => t.firstOnSiteAt !== null && t.firstOnSiteAt - t.arrival <= t.t.slaMinutes * 60_000 + 1e-6).length;
  const waits = rec.tickets.filter((t) => t.firstAssignedAt !== null).map((t) => (t.firstAssignedAt! - t.arrival) / 60_000);
  const total = sum(rec.tripsKm);
  const hasFix = scenario.engineers.some((e) => e.fixProbability !== undefined);
  return {
    strategy,
    scenario: scenarioName,
    engineers: scenario.engineers.length,
    tickets: n,
    slaAttainment: round(n ? inSla / n : 1, 4),
    travelKmTotal: round(total, 1),
    travelKmMean: round(rec.tripsKm.length ? total / rec.tripsKm.length : 0, 2),
    waitMeanMin: round(waits.length ? sum(waits) / waits.length : 0, 2),
    waitP95Min: round(percentile(waits, 0.95), 2),
    loadSpreadCv: round(coefficientOfVariation(rec.workMin), 4),
    loadSpreadSdMin: round(standardDeviation(rec.workMin), 1),
    violations: rec.violations,
    reassignments: rec.reassignments,
    firstPersonFixShare: hasFix ? round(n ? rec.tickets.filter((t) => t.firstPersonFixed === true).length / n : 1, 4) : null,
    decisionLatencyP50Ms: round(percentile(rec.latenciesMs, 0.5), 3),
    decisionLatencyP99Ms: round(percentile(rec.latenciesMs, 0.99), 3),
    unassigned: rec.unassigned,
    moves: rec.moves,
  };
}

const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Nearest-rank percentile (q in 0..1); 0 for no values. */
export function percentile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Population standard deviation; 0 for no values. */
export function standardDeviation(xs: number[]): number {
  if (xs.length === 0) return 0;
  const mean = sum(xs) / xs.length;
  return Math.sqrt(sum(xs.map((x) => (x - mean) ** 2)) / xs.length);
}

/** Population standard deviation over the mean; 0 when everyone did nothing. */
export function coefficientOfVariation(xs: number[]): number {
  const mean = xs.length ? sum(xs) / xs.length : 0;
  return mean === 0 ? 0 : standardDeviation(xs) / mean;
}
