// The VRPTW problem the solver takes, and the solution it gives. Nodes are numbered 0..nodes-1; a
// vehicle starts at its `start` node and ends at its `end` node (an engineer's home, a depot); the jobs
// are the other nodes to visit. Matrices are row-major Float64Arrays (i * nodes + j).

export interface VrptwVehicle {
  start: number;
  end: number;
  capacity: number;
  /** earliest departure (default: ready of the start node) */
  open?: number;
  /** latest return (default: due of the end node) */
  close?: number;
  /** added to the objective when the vehicle is used (0: distance only) */
  fixedCost?: number;
}

export interface VrptwProblem {
  nodes: number;
  /** distance matrix, the objective */
  dist: Float64Array;
  /** travel time matrix (default: dist) */
  time?: Float64Array;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  demand: Float64Array;
  /** the nodes to visit */
  jobs: number[];
  vehicles: VrptwVehicle[];
  /** may vehicle v serve job node j (skills); default all */
  allowed?: (vehicle: number, job: number) => boolean;
}

export interface VrptwOptions {
  timeLimitMs: number;
  seed: number;
  /** stop after this many ruin-and-recreate iterations (for reproducible tests) */
  maxIterations?: number;
  /** initial temperature of the annealing (default: relative to the mean edge) */
  t0?: number;
  /** final temperature */
  tf?: number;
  /** average number of jobs removed per iteration */
  cBar?: number;
  /** longest string removed from one route */
  lMax?: number;
}

export interface VrptwRoute {
  vehicle: number;
  /** the job nodes in visiting order (start and end not included) */
  jobs: number[];
  /** start of service per job */
  startAt: number[];
  distance: number;
}

export interface VrptwSolution {
  routes: VrptwRoute[];
  /** jobs no vehicle could take within windows, shift and capacity */
  unassigned: number[];
  distance: number;
  vehicles: number;
  iterations: number;
}

/** A problem from points, straight-line distances (travel time = distance), like Solomon's. */
export function euclideanMatrix(xs: ArrayLike<number>, ys: ArrayLike<number>): Float64Array {
  const n = xs.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
  return m;
}

export interface SolomonLike {
  vehicles: number;
  capacity: number;
  depot: { x: number; y: number; demand: number; ready: number; due: number; service: number };
  customers: { x: number; y: number; demand: number; ready: number; due: number; service: number }[];
}

/** A Solomon instance as a problem: node 0 the depot, the instance's fleet, unrounded distances. */
export function solomonProblem(inst: SolomonLike): VrptwProblem {
  const rows = [inst.depot, ...inst.customers];
  const n = rows.length;
  const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
  return {
    nodes: n,
    dist: euclideanMatrix(col((r) => r.x), col((r) => r.y)),
    ready: col((r) => r.ready),
    due: col((r) => r.due),
    service: col((r) => r.service),
    demand: col((r) => r.demand),
    jobs: Array.from({ length: n - 1 }, (_, i) => i + 1),
    vehicles: Array.from({ length: inst.vehicles }, () => ({ start: 0, end: 0, capacity: inst.capacity })),
  };
}
