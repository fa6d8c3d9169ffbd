// `gongdan eval routes`: the solver on a folder of Solomon instances (NAME.txt) against BKS.json
// (NAME: the two-level best — fewest vehicles, then distance; NAME_distance: the best distance alone).
// The solver minimises distance alone (the fleet of the file as the limit), so the gap is taken against
// the distance-only best; vehicles are printed beside both bests' vehicle counts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSolomon } from '../../dispatch';
import { checkSolution, solomonProblem, solveVrptw } from '../solver';

export class EvalRoutesError extends Error {}

export interface EvalRoutesOptions {
  dir: string;
  seconds: number;
  seed?: number;
  /** only instances whose name starts with one of these */
  only?: string[];
}

export interface InstanceFigures {
  task: 'routes';
  instance: string;
  distance: number;
  vehicles: number;
  unassigned: number;
  feasible: boolean;
  bks_distance: number | null;
  bks_distance_vehicles: number | null;
  gap_pct: number | null;
  bks_two_level_distance: number | null;
  bks_two_level_vehicles: number | null;
  iterations: number;
  ms: number;
}

export interface SummaryFigures {
  task: 'routes';
  summary: true;
  instances: number;
  seconds: number;
  mean_gap_pct: number | null;
  max_gap_pct: number | null;
  vehicles: number;
  bks_distance_vehicles: number;
  bks_two_level_vehicles: number;
  infeasible: number;
}

type Bks = Record<string, { best_known_cost: number; solved_with_vehicles: number }>;

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function evalRoutes(opts: EvalRoutesOptions, out: (line: InstanceFigures | SummaryFigures) => void): SummaryFigures {
  if (!existsSync(opts.dir)) throw new EvalRoutesError(`--dir: no such folder "${opts.dir}"`);
  const files = readdirSync(opts.dir)
    .filter((f) => /\.txt$/i.test(f))
    .filter((f) => !opts.only || opts.only.some((o) => f.toUpperCase().startsWith(o.toUpperCase())))
    .sort();
  if (files.length === 0) throw new EvalRoutesError(`--dir: no Solomon instances (*.txt) in "${opts.dir}"`);
  const bksPath = join(opts.dir, 'BKS.json');
  const bks: Bks = existsSync(bksPath) ? JSON.parse(readFileSync(bksPath, 'utf8')) : {};
  const gaps: number[] = [];
  let vehicles = 0;
  let bksVeh = 0;
  let bksTwo = 0;
  let infeasible = 0;
  for (const f of files) {
    let inst;
    try {
      inst = parseSolomon(readFileSync(join(opts.dir, f), 'utf8'));
    } catch (err) {
      throw new EvalRoutesError(`${f}: ${(err as Error).message}`);
    }
    const problem = solomonProblem(inst);
    const t = performance.now();
    const sol = solveVrptw(problem, { timeLimitMs: opts.seconds * 1000, seed: opts.seed ?? 1 });
    const ms = performance.now() - t;
    const ok = checkSolution(problem, sol).ok && sol.unassigned.length === 0;
    const dist = bks[`${inst.name}_distance`] ?? bks[inst.name];
    const two = bks[inst.name];
    const gap = dist ? (sol.distance / dist.best_known_cost - 1) * 100 : null;
    if (gap !== null) gaps.push(gap);
    vehicles += sol.vehicles;
    bksVeh += dist?.solved_with_vehicles ?? 0;
    bksTwo += two?.solved_with_vehicles ?? 0;
    if (!ok) infeasible++;
    out({
      task: 'routes',
      instance: inst.name,
      distance: round(sol.distance),
      vehicles: sol.vehicles,
      unassigned: sol.unassigned.length,
      feasible: ok,
      bks_distance: dist?.best_known_cost ?? null,
      bks_distance_vehicles: dist?.solved_with_vehicles ?? null,
      gap_pct: gap === null ? null : round(gap, 3),
      bks_two_level_distance: two?.best_known_cost ?? null,
      bks_two_level_vehicles: two?.solved_with_vehicles ?? null,
      iterations: sol.iterations,
      ms: Math.round(ms),
    });
  }
  const summary: SummaryFigures = {
    task: 'routes',
    summary: true,
    instances: files.length,
    seconds: opts.seconds,
    mean_gap_pct: gaps.length ? round(gaps.reduce((a, b) => a + b, 0) / gaps.length, 3) : null,
    max_gap_pct: gaps.length ? round(Math.max(...gaps), 3) : null,
    vehicles,
    bks_distance_vehicles: bksVeh,
    bks_two_level_vehicles: bksTwo,
    infeasible,
  };
  out(summary);
  return summary;
}
