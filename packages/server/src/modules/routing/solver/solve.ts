// solveVrptw: SISR ruin-and-recreate under simulated annealing, on distance (plus any fixed vehicle
// costs); a job left unplaced costs far more than any route, so the search first places every job it can.
import { mulberry32 } from '../../../platform/random';
import type { VrptwOptions, VrptwProblem, VrptwSolution } from './problem';
import { RouteState } from './route-state';
import { Sisr } from './sisr';

export function solveVrptw(problem: VrptwProblem, opts: VrptwOptions): VrptwSolution {
  const s = new RouteState(problem);
  const rnd = mulberry32(opts.seed);
  const sisr = new Sisr(s, problem, rnd, { cBar: opts.cBar ?? 10, lMax: opts.lMax ?? 10, split: 0.5, beta: 0.01, blink: 0.01 });
  const n = s.n;
  let maxD = 0;
  for (let i = 0; i < s.D.length; i++) if (s.D[i] > maxD) maxD = s.D[i];
  const penalty = 10 * (maxD + 1) * (problem.jobs.length + 1);
  // start: every job inserted into empty routes
  sisr.begin();
  for (const j of problem.jobs) sisr.absent[sisr.absentCount++] = j;
  sisr.recreate();
  const cost = () => s.total() + penalty * sisr.absentCount;
  let cur = cost();
  // temperatures relative to the mean edge of the first solution (tuned on Solomon: about 40 → 0.5)
  let used = 0;
  for (let v = 0; v < s.V; v++) if (s.len[v] > 2) used++;
  const scale = s.total() / Math.max(1, problem.jobs.length - sisr.absentCount + used) || 1;
  const t0 = opts.t0 ?? 2.5 * scale;
  const tf = opts.tf ?? 0.03 * scale;
  let bestCost = cur;
  const bestSeq = new Int32Array(s.seq);
  const bestLen = new Int32Array(s.len);
  const prevAbsent = new Int32Array(problem.jobs.length);
  let bestAbsent = Array.from(sisr.absent.subarray(0, sisr.absentCount));

  const started = performance.now();
  const limit = opts.timeLimitMs;
  const maxIt = opts.maxIterations ?? Infinity;
  let it = 0;
  let frac = 0;
  while (it < maxIt) {
    if ((it & 15) === 0) {
      const el = performance.now() - started;
      if (el >= limit) break;
      frac = Number.isFinite(maxIt) ? it / maxIt : el / limit;
    }
    it++;
    const T = t0 * Math.pow(tf / t0, frac);
    const prevCount = sisr.absentCount;
    prevAbsent.set(sisr.absent.subarray(0, prevCount));
    sisr.begin();
    sisr.ruin();
    sisr.recreate();
    const cand = cost();
    if (cand < cur - T * Math.log(rnd())) {
      cur = cand;
      if (cand < bestCost - 1e-9) {
        bestCost = cand;
        bestSeq.set(s.seq);
        bestLen.set(s.len);
        bestAbsent = Array.from(sisr.absent.subarray(0, sisr.absentCount));
      }
    } else {
      sisr.undo(prevAbsent, prevCount);
      sisr.absent.set(prevAbsent.subarray(0, prevCount));
      sisr.absentCount = prevCount;
    }
  }

  s.seq.set(bestSeq);
  s.len.set(bestLen);
  const routes = [];
  let distance = 0;
  for (let v = 0; v < s.V; v++) {
    s.update(v);
    if (s.len[v] <= 2) continue;
    const b = v * s.maxLen;
    const jobs: number[] = [];
    const startAt: number[] = [];
    let d = 0;
    for (let p = 1; p < s.len[v]; p++) {
      d += s.D[s.seq[b + p - 1] * n + s.seq[b + p]];
      if (p < s.len[v] - 1) {
        jobs.push(s.seq[b + p]);
        startAt.push(s.es[b + p]);
      }
    }
    distance += d;
    routes.push({ vehicle: v, jobs, startAt, distance: d });
  }
  return { routes, unassigned: bestAbsent.sort((a, b) => a - b), distance, vehicles: routes.length, iterations: it };
}
