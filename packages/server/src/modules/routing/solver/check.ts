// An independent check of a solution: every job once, capacity, time windows and shifts, distance.
import type { VrptwProblem, VrptwSolution } from './problem';

export function checkSolution(p: VrptwProblem, sol: VrptwSolution): { ok: boolean; errors: string[]; distance: number } {
  const errors: string[] = [];
  const T = p.time ?? p.dist;
  const n = p.nodes;
  const seen = new Map<number, number>();
  let distance = 0;
  for (const r of sol.routes) {
    const ve = p.vehicles[r.vehicle];
    let t = Math.max(ve.open ?? p.ready[ve.start], p.ready[ve.start]);
    let at = ve.start;
    let load = 0;
    for (const j of r.jobs) {
      seen.set(j, (seen.get(j) ?? 0) + 1);
      if (p.allowed && !p.allowed(r.vehicle, j)) errors.push(`job ${j} not allowed on vehicle ${r.vehicle}`);
      distance += p.dist[at * n + j];
      t = Math.max(t + p.service[at] + T[at * n + j], p.ready[j]);
      if (t > p.due[j] + 1e-6) errors.push(`job ${j} starts at ${t} after its due ${p.due[j]}`);
      load += p.demand[j];
      at = j;
    }
    distance += p.dist[at * n + ve.end];
    t += p.service[at] + T[at * n + ve.end];
    const close = Math.min(ve.close ?? p.due[ve.end], p.due[ve.end]);
    if (t > close + 1e-6) errors.push(`vehicle ${r.vehicle} back at ${t} after ${close}`);
    if (load > ve.capacity + 1e-9) errors.push(`vehicle ${r.vehicle} load ${load} over ${ve.capacity}`);
  }
  for (const j of sol.unassigned) seen.set(j, (seen.get(j) ?? 0) + 1);
  for (const j of p.jobs) if (seen.get(j) !== 1) errors.push(`job ${j} appears ${seen.get(j) ?? 0} times`);
  if (Math.abs(distance - sol.distance) > 1e-6 * Math.max(1, distance)) errors.push(`distance ${sol.distance} but routes add up to ${distance}`);
  return { ok: errors.length === 0, errors, distance };
}
