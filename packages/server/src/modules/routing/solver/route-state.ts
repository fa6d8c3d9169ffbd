// The solver's working solution: one sequence per vehicle in typed arrays, with per position the
// earliest start of service (forward) and the latest start that keeps the rest of the route on time
// (backward), so a job's insertion is checked in O(1). Nothing here allocates after construction.
import type { VrptwProblem } from './problem';

export const NONE = -1;

export class RouteState {
  readonly n: number;
  readonly V: number;
  readonly maxLen: number;
  readonly D: Float64Array;
  readonly T: Float64Array;
  readonly ready: Float64Array;
  readonly due: Float64Array;
  readonly svc: Float64Array;
  readonly dem: Float64Array;
  readonly cap: Float64Array;
  readonly open: Float64Array;
  readonly close: Float64Array;
  readonly fixed: Float64Array;
  /** allowed[v * n + j] */
  readonly allowed: Uint8Array;
  /** seq[v * maxLen + p]; p = 0 the start, p = len - 1 the end */
  readonly seq: Int32Array;
  readonly len: Int32Array;
  readonly es: Float64Array;
  readonly ls: Float64Array;
  readonly load: Float64Array;
  readonly cost: Float64Array;
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;

  constructor(p: VrptwProblem) {
    const n = (this.n = p.nodes);
    const V = (this.V = p.vehicles.length);
    this.maxLen = p.jobs.length + 2;
    this.D = p.dist;
    this.T = p.time ?? p.dist;
    this.ready = p.ready;
    this.due = p.due;
    this.svc = p.service;
    this.dem = p.demand;
    this.cap = Float64Array.from(p.vehicles, (v) => v.capacity);
    this.open = Float64Array.from(p.vehicles, (v) => Math.max(v.open ?? p.ready[v.start], p.ready[v.start]));
    this.close = Float64Array.from(p.vehicles, (v) => Math.min(v.close ?? p.due[v.end], p.due[v.end]));
    this.fixed = Float64Array.from(p.vehicles, (v) => v.fixedCost ?? 0);
    this.allowed = new Uint8Array(V * n);
    for (let v = 0; v < V; v++) for (const j of p.jobs) this.allowed[v * n + j] = !p.allowed || p.allowed(v, j) ? 1 : 0;
    this.seq = new Int32Array(V * this.maxLen);
    this.len = new Int32Array(V);
    this.es = new Float64Array(V * this.maxLen);
    this.ls = new Float64Array(V * this.maxLen);
    this.load = new Float64Array(V);
    this.cost = new Float64Array(V);
    this.routeOf = new Int32Array(n).fill(NONE);
    this.posOf = new Int32Array(n).fill(NONE);
    for (let v = 0; v < V; v++) {
      const b = v * this.maxLen;
      this.seq[b] = p.vehicles[v].start;
      this.seq[b + 1] = p.vehicles[v].end;
      this.len[v] = 2;
      this.update(v);
    }
  }

  /** Recomputes times, load, cost and positions of route v after its sequence changed. */
  update(v: number): void {
    const { n, seq, es, ls, D, T, svc, ready, due } = this;
    const b = v * this.maxLen;
    const L = this.len[v];
    let load = 0;
    let cost = 0;
    es[b] = this.open[v];
    for (let p = 1; p < L; p++) {
      const a = seq[b + p - 1];
      const c = seq[b + p];
      const arr = es[b + p - 1] + svc[a] + T[a * n + c];
      es[b + p] = arr > ready[c] ? arr : ready[c];
      cost += D[a * n + c];
      if (p < L - 1) {
        load += this.dem[c];
        this.routeOf[c] = v;
        this.posOf[c] = p;
      }
    }
    ls[b + L - 1] = this.close[v];
    for (let p = L - 2; p >= 0; p--) {
      const c = seq[b + p];
      const nx = seq[b + p + 1];
      const lim = ls[b + p + 1] - svc[c] - T[c * n + nx];
      const d = p === 0 ? this.close[v] : due[c];
      ls[b + p] = lim < d ? lim : d;
    }
    this.load[v] = load;
    this.cost[v] = L > 2 ? cost + this.fixed[v] : 0;
  }

  /** Cost increase of putting job c before position p of route v, or Infinity when infeasible. */
  insertionDelta(v: number, c: number, p: number): number {
    const { n, seq, es, ls, D, T, svc, ready, due } = this;
    const b = v * this.maxLen;
    const a = seq[b + p - 1];
    const nx = seq[b + p];
    const arr = es[b + p - 1] + svc[a] + T[a * n + c];
    const st = arr > ready[c] ? arr : ready[c];
    if (st > due[c]) return Infinity;
    if (st + svc[c] + T[c * n + nx] > ls[b + p]) return Infinity;
    const d = D[a * n + c] + D[c * n + nx] - D[a * n + nx];
    return this.len[v] === 2 ? d + this.fixed[v] : d;
  }

  insert(v: number, c: number, p: number): void {
    const b = v * this.maxLen;
    const L = this.len[v];
    this.seq.copyWithin(b + p + 1, b + p, b + L);
    this.seq[b + p] = c;
    this.len[v] = L + 1;
    this.update(v);
  }

  /** Removes the jobs marked in `gone` from route v (then recomputes it). */
  removeMarked(v: number, gone: Uint8Array): void {
    const b = v * this.maxLen;
    const L = this.len[v];
    let w = 1;
    for (let p = 1; p < L - 1; p++) {
      const c = this.seq[b + p];
      if (gone[c]) {
        this.routeOf[c] = NONE;
        this.posOf[c] = NONE;
      } else this.seq[b + w++] = c;
    }
    this.seq[b + w] = this.seq[b + L - 1];
    this.len[v] = w + 1;
    this.update(v);
  }

  total(): number {
    let s = 0;
    for (let v = 0; v < this.V; v++) s += this.cost[v];
    return s;
  }

  /** Copies route v's sequence from another state of the same problem (then recomputes it). */
  copyRoute(from: RouteState, v: number): void {
    const b = v * this.maxLen;
    const L = from.len[v];
    this.seq.set(from.seq.subarray(b, b + L), b);
    this.len[v] = L;
    this.update(v);
  }
}
