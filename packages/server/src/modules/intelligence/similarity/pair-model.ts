import { mulberry32, shuffleInPlace } from '../../../platform/random';

// Logistic regression over the pair features: dense features standardised, optional hashed sparse
// features, AdaGrad steps with L2 shrinkage. Small, deterministic (seeded order) and fast enough
// for a few hundred thousand pairs.

export interface PairVector {
  dense: number[];
  /** Indices of sparse features that are on (value 1). */
  sparse: number[];
}

export interface PairModelOptions {
  /** Size of the hashed sparse block; 0 = dense features only. */
  buckets: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_PAIR_MODEL: PairModelOptions = { buckets: 0, epochs: 8, learningRate: 0.1, l2: 1e-5, seed: 1 };

export class PairModel {
  constructor(
    readonly mean: Float64Array,
    readonly std: Float64Array,
    readonly dense: Float64Array,
    readonly sparse: Float64Array,
    readonly bias: number,
  ) {}

  /** Probability that the two texts are duplicates, 0..1. */
  score(x: PairVector): number {
    let z = this.bias;
    for (let i = 0; i < this.dense.length; i++) z += this.dense[i] * ((x.dense[i] - this.mean[i]) / this.std[i]);
    if (this.sparse.length) for (const j of x.sparse) z += this.sparse[j];
    return 1 / (1 + Math.exp(-z));
  }
}

export function trainPairModel(xs: PairVector[], ys: boolean[], options: Partial<PairModelOptions> = {}): PairModel {
  const o = { ...DEFAULT_PAIR_MODEL, ...options };
  const d = xs[0]?.dense.length ?? 0;
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (const x of xs) for (let i = 0; i < d; i++) mean[i] += x.dense[i] / xs.length;
  for (const x of xs) for (let i = 0; i < d; i++) std[i] += (x.dense[i] - mean[i]) ** 2 / xs.length;
  for (let i = 0; i < d; i++) std[i] = Math.sqrt(std[i]) || 1;
  const w = new Float64Array(d);
  const sw = new Float64Array(o.buckets);
  const gw = new Float64Array(d).fill(1e-8);
  const gs = new Float64Array(o.buckets).fill(1e-8);
  let bias = 0;
  let gb = 1e-8;
  const order = xs.map((_, i) => i);
  const random = mulberry32(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const n of order) {
      const x = xs[n];
      let z = bias;
      for (let i = 0; i < d; i++) z += w[i] * ((x.dense[i] - mean[i]) / std[i]);
      for (const j of x.sparse) z += sw[j] ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      const g = p - (ys[n] ? 1 : 0); // gradient of the log loss with respect to z
      gb += g * g;
      bias -= (o.learningRate * g) / Math.sqrt(gb);
      for (let i = 0; i < d; i++) {
        const gi = g * ((x.dense[i] - mean[i]) / std[i]) + o.l2 * w[i];
        gw[i] += gi * gi;
        w[i] -= (o.learningRate * gi) / Math.sqrt(gw[i]);
      }
      if (o.buckets) {
        for (const j of x.sparse) {
          const gj = g + o.l2 * sw[j];
          gs[j] += gj * gj;
          sw[j] -= (o.learningRate * gj) / Math.sqrt(gs[j]);
        }
      }
    }
  }
  return new PairModel(mean, std, w, sw, bias);
}

/** The threshold on scores that gives the best F1 (ties: the higher threshold), with that F1. */
export function bestF1Threshold(scores: number[], labels: boolean[]): { threshold: number; f1: number } {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const positives = labels.filter(Boolean).length;
  let tp = 0;
  let best = { threshold: 1, f1: 0 };
  for (let r = 0; r < order.length; r++) {
    if (labels[order[r]]) tp++;
    // Only cut between distinct scores: everything at or above this score is called a duplicate.
    if (r + 1 < order.length && scores[order[r + 1]] === scores[order[r]]) continue;
    const f1 = positives ? (2 * tp) / (r + 1 + positives) : 0;
    if (f1 > best.f1) {
      const next = r + 1 < order.length ? scores[order[r + 1]] : 0;
      best = { threshold: (scores[order[r]] + next) / 2, f1 };
    }
  }
  return best;
}
