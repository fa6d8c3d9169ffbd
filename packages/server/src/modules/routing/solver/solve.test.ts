import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSolomon } from '../../dispatch';
import { checkSolution, euclideanMatrix, solomonProblem, solveVrptw, type VrptwProblem } from '.';

const DIR = new URL('./fixtures/', import.meta.url);
const bks = JSON.parse(readFileSync(new URL('BKS.json', DIR), 'utf8')) as Record<string, { best_known_cost: number }>;
const solomon = (name: string) => solomonProblem(parseSolomon(readFileSync(new URL(`${name}.txt`, DIR), 'utf8')));

/** A small problem: depot (0) at the origin, jobs on a line, windows wide unless given. */
function line(xs: number[], windows: [number, number][] = [], vehicles = 2): VrptwProblem {
  const all = [0, ...xs];
  const n = all.length;
  return {
    nodes: n,
    dist: euclideanMatrix(all, new Array(n).fill(0)),
    ready: Float64Array.from(all, (_, i) => (i === 0 ? 0 : (windows[i - 1]?.[0] ?? 0))),
    due: Float64Array.from(all, (_, i) => (i === 0 ? 1000 : (windows[i - 1]?.[1] ?? 1000))),
    service: Float64Array.from(all, (_, i) => (i === 0 ? 0 : 5)),
    demand: Float64Array.from(all, (_, i) => (i === 0 ? 0 : 1)),
    jobs: xs.map((_, i) => i + 1),
    vehicles: Array.from({ length: vehicles }, () => ({ start: 0, end: 0, capacity: 10 })),
  };
}

describe('solveVrptw (路线规划求解)', () => {
  it.each([
    ['C101', 0.5],
    ['R101', 5],
    ['RC201', 6],
  ])('%s: feasible, every customer served, within %s percent of the best-known distance in 1,500 iterations', (name, pct) => {
    const p = solomon(name);
    const sol = solveVrptw(p, { timeLimitMs: 20_000, seed: 7, maxIterations: 1500 });
    const chk = checkSolution(p, sol);
    expect(chk.errors).toEqual([]);
    expect(sol.unassigned).toEqual([]);
    expect(sol.distance).toBeLessThanOrEqual(bks[`${name}_distance`].best_known_cost * (1 + pct / 100));
  });

  it('is reproducible with the same seed and iteration count', () => {
    const p = solomon('R105');
    const a = solveVrptw(p, { timeLimitMs: 20_000, seed: 3, maxIterations: 300 });
    const b = solveVrptw(p, { timeLimitMs: 20_000, seed: 3, maxIterations: 300 });
    expect(a.routes).toEqual(b.routes);
  });

  it('visits in window order and waits for a window to open', () => {
    const p = line([10, 20], [[100, 120], [30, 40]], 1);
    const sol = solveVrptw(p, { timeLimitMs: 1000, seed: 1, maxIterations: 200 });
    expect(sol.routes).toHaveLength(1);
    expect(sol.routes[0].jobs).toEqual([2, 1]);
    expect(sol.routes[0].startAt[0]).toBe(30);
    expect(sol.routes[0].startAt[1]).toBe(100);
  });

  it('leaves a job no vehicle can reach in time unassigned instead of breaking a window', () => {
    const p = line([10, 500], [[0, 1000], [0, 100]]);
    const sol = solveVrptw(p, { timeLimitMs: 1000, seed: 1, maxIterations: 100 });
    expect(sol.unassigned).toEqual([2]);
    expect(checkSolution(p, sol).ok).toBe(true);
  });

  it('gives a job only to a vehicle allowed to take it (skills) and respects each shift', () => {
    const p = line([10, 11, 12, 13]);
    p.vehicles = [
      { start: 0, end: 0, capacity: 10, open: 0, close: 1000 },
      { start: 0, end: 0, capacity: 10, open: 200, close: 300 },
    ];
    p.allowed = (v, j) => (j === 4 ? v === 1 : true);
    const sol = solveVrptw(p, { timeLimitMs: 1000, seed: 1, maxIterations: 200 });
    expect(checkSolution(p, sol).errors).toEqual([]);
    expect(sol.routes.find((r) => r.jobs.includes(4))?.vehicle).toBe(1);
    expect(sol.routes.find((r) => r.vehicle === 1)!.startAt[0]).toBeGreaterThanOrEqual(210);
  });

  it('respects capacity', () => {
    const p = line([10, 11, 12], [], 3);
    p.vehicles.forEach((v) => (v.capacity = 1));
    const sol = solveVrptw(p, { timeLimitMs: 1000, seed: 1, maxIterations: 100 });
    expect(sol.vehicles).toBe(3);
    expect(checkSolution(p, sol).ok).toBe(true);
  });
});
