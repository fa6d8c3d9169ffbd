// Ruin and recreate after SISR (Slack Induction by String Removals, Christiaens & Vanden Berghe 2020):
// remove strings of consecutive jobs from routes near a random seed job, then put the removed (and the
// unplaced) jobs back one by one at their cheapest feasible position, skipping positions at random
// ("blinks"). The caller keeps or undoes the change (simulated annealing). Allocation-free per call.
import type { VrptwProblem } from './problem';
import { NONE, type RouteState } from './route-state';

export interface SisrParams {
  cBar: number;
  lMax: number;
  /** chance of the split-string removal (else a plain string) */
  split: number;
  /** chance to stop growing the kept part of a split string */
  beta: number;
  blink: number;
}

export class Sisr {
  readonly jobs: Int32Array;
  /** nearest jobs first, per job: adj[c * k + i] */
  readonly adj: Int32Array;
  readonly k: number;
  readonly removed: Int32Array;
  removedCount = 0;
  readonly gone: Uint8Array;
  readonly absent: Int32Array;
  absentCount = 0;
  readonly keyDemand: Float64Array;
  readonly keyFar: Float64Array;
  readonly keyReady: Float64Array;
  /** vehicles with identical empty routes share a class: only one empty route per class is tried */
  readonly emptyClass: Int32Array;
  readonly classStamp: Int32Array;
  readonly routeStamp: Int32Array;
  stamp = 0;
  classTick = 0;
  /** routes changed in this iteration, each backed up once */
  readonly dirty: Int32Array;
  dirtyCount = 0;
  readonly dirtyStamp: Int32Array;
  readonly bakSeq: Int32Array;
  readonly bakLen: Int32Array;

  constructor(
    readonly s: RouteState,
    p: VrptwProblem,
    readonly rnd: () => number,
    readonly prm: SisrParams,
  ) {
    const n = s.n;
    this.jobs = Int32Array.from(p.jobs);
    const J = p.jobs.length;
    this.k = Math.max(0, J - 1);
    this.adj = new Int32Array(n * this.k);
    for (const c of p.jobs) {
      const others = p.jobs.filter((o) => o !== c).sort((a, b) => s.D[c * n + a] + s.D[a * n + c] - (s.D[c * n + b] + s.D[b * n + c]));
      this.adj.set(others, c * this.k);
    }
    this.removed = new Int32Array(J);
    this.gone = new Uint8Array(n);
    this.absent = new Int32Array(J);
    const depot = p.vehicles[0]?.start ?? 0;
    this.keyDemand = Float64Array.from({ length: n }, (_, i) => -p.demand[i]);
    this.keyFar = Float64Array.from({ length: n }, (_, i) => -s.D[depot * n + i]);
    this.keyReady = Float64Array.from({ length: n }, (_, i) => p.ready[i]);
    const V = s.V;
    this.emptyClass = new Int32Array(V);
    const sig = (v: number) => {
      const ve = p.vehicles[v];
      const row = Array.from(s.allowed.subarray(v * n, v * n + n)).join('');
      return [ve.start, ve.end, s.open[v], s.close[v], s.cap[v], s.fixed[v], row].join('|');
    };
    const seen = new Map<string, number>();
    for (let v = 0; v < V; v++) {
      const key = sig(v);
      if (!seen.has(key)) seen.set(key, seen.size);
      this.emptyClass[v] = seen.get(key)!;
    }
    this.classStamp = new Int32Array(seen.size);
    this.routeStamp = new Int32Array(V);
    this.dirty = new Int32Array(V);
    this.dirtyStamp = new Int32Array(V);
    this.bakSeq = new Int32Array(s.seq.length);
    this.bakLen = new Int32Array(V);
  }

  begin(): void {
    this.stamp++;
    this.dirtyCount = 0;
    this.removedCount = 0;
  }

  private touch(v: number): void {
    if (this.dirtyStamp[v] === this.stamp) return;
    this.dirtyStamp[v] = this.stamp;
    this.dirty[this.dirtyCount++] = v;
    const s = this.s;
    const b = v * s.maxLen;
    this.bakSeq.set(s.seq.subarray(b, b + s.len[v]), b);
    this.bakLen[v] = s.len[v];
  }

  /** Undoes this iteration: the changed routes back, the unplaced jobs as they were. */
  undo(prevAbsent: Int32Array, prevAbsentCount: number): void {
    const s = this.s;
    for (let i = 0; i < this.dirtyCount; i++) {
      const v = this.dirty[i];
      const b = v * s.maxLen;
      s.seq.set(this.bakSeq.subarray(b, b + this.bakLen[v]), b);
      s.len[v] = this.bakLen[v];
      s.update(v);
    }
    for (let i = 0; i < prevAbsentCount; i++) {
      const c = prevAbsent[i];
      s.routeOf[c] = NONE;
      s.posOf[c] = NONE;
    }
  }

  ruin(): void {
    const s = this.s;
    const rnd = this.rnd;
    let used = 0;
    let inRoutes = 0;
    for (let v = 0; v < s.V; v++) {
      if (s.len[v] > 2) {
        used++;
        inRoutes += s.len[v] - 2;
      }
    }
    if (used === 0) return;
    const lsMax = Math.min(this.prm.lMax, inRoutes / used);
    const ksMax = (4 * this.prm.cBar) / (1 + lsMax) - 1;
    const ks = Math.floor(rnd() * ksMax) + 1;
    let seed = this.jobs[Math.floor(rnd() * this.jobs.length)];
    for (let tries = 0; s.routeOf[seed] === NONE && tries < 20; tries++) seed = this.jobs[Math.floor(rnd() * this.jobs.length)];
    if (s.routeOf[seed] === NONE) return;
    let ruined = 0;
    for (let i = -1; i < this.k && ruined < ks; i++) {
      const c = i < 0 ? seed : this.adj[seed * this.k + i];
      const v = s.routeOf[c];
      if (v === NONE || this.routeStamp[v] === this.stamp) continue;
      this.routeStamp[v] = this.stamp;
      ruined++;
      this.ruinRoute(v, c, lsMax);
    }
  }

  private ruinRoute(v: number, c: number, lsMax: number): void {
    const s = this.s;
    const rnd = this.rnd;
    const size = s.len[v] - 2;
    const ltMax = Math.min(size, lsMax);
    const lt = Math.floor(rnd() * ltMax) + 1;
    const pos = s.posOf[c];
    const b = v * s.maxLen;
    this.touch(v);
    let m = 0;
    if (lt < size && rnd() < this.prm.split) {
      m = 1;
      while (lt + m < size && rnd() > this.prm.beta) m++;
    }
    const w = lt + m;
    // a window of w positions (1-based) containing pos
    const lo = Math.max(1, pos - w + 1);
    const hi = Math.min(pos, size - w + 1);
    const from = lo + Math.floor(rnd() * (hi - lo + 1));
    const keepAt = m > 0 ? Math.floor(rnd() * (lt + 1)) : 0;
    for (let q = 0; q < w; q++) {
      if (m > 0 && q >= keepAt && q < keepAt + m) continue;
      const j = s.seq[b + from + q];
      this.gone[j] = 1;
      this.removed[this.removedCount++] = j;
    }
    s.removeMarked(v, this.gone);
    for (let q = 0; q < this.removedCount; q++) this.gone[this.removed[q]] = 0;
  }

  /** Sorts the removed jobs (random, by demand, far first, by ready time) and inserts them back. */
  recreate(): void {
    const s = this.s;
    const rnd = this.rnd;
    for (let i = 0; i < this.absentCount; i++) this.removed[this.removedCount++] = this.absent[i];
    this.absentCount = 0;
    const R = this.removed;
    const cnt = this.removedCount;
    const r = rnd() * 11;
    const key = r < 4 ? null : r < 8 ? this.keyDemand : r < 10 ? this.keyFar : this.keyReady;
    if (key === null) {
      for (let i = cnt - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        const t = R[i];
        R[i] = R[j];
        R[j] = t;
      }
    } else {
      for (let i = 1; i < cnt; i++) {
        const x = R[i];
        let j = i - 1;
        while (j >= 0 && key[R[j]] > key[x]) {
          R[j + 1] = R[j];
          j--;
        }
        R[j + 1] = x;
      }
    }
    const blink = this.prm.blink;
    const n = s.n;
    for (let i = 0; i < cnt; i++) {
      const c = R[i];
      const tick = ++this.classTick;
      let best = Infinity;
      let bv = -1;
      let bp = -1;
      const due = s.due[c];
      for (let v = 0; v < s.V; v++) {
        if (!s.allowed[v * n + c] || s.load[v] + s.dem[c] > s.cap[v]) continue;
        const L = s.len[v];
        if (L === 2) {
          const cl = this.emptyClass[v];
          if (this.classStamp[cl] === tick) continue;
          this.classStamp[cl] = tick;
        }
        const b = v * s.maxLen;
        for (let p = 1; p < L; p++) {
          if (s.es[b + p - 1] > due) break;
          if (rnd() < blink) continue;
          const d = s.insertionDelta(v, c, p);
          if (d < best) {
            best = d;
            bv = v;
            bp = p;
          }
        }
      }
      if (bv < 0) this.absent[this.absentCount++] = c;
      else {
        this.touch(bv);
        s.insert(bv, c, bp);
      }
    }
  }
}
