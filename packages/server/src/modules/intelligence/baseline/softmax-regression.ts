import { mulberry32, shuffleInPlace } from '../../../platform/random';
import type { SparseRow } from './tfidf';

// Multinomial logistic (softmax) regression on sparse rows: stochastic gradient descent on the
// log loss with L2 shrinkage, a learning rate that decays per epoch, seeded order. Plain: no class
// weights, no calibration, no feature selection.

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const DEFAULT_SOFTMAX: SoftmaxOptions = { epochs: 10, learningRate: 1, l2: 1e-5, seed: 1 };

export interface SoftmaxModel {
  classes: number;
  /** weights[feature * classes + class] */
  weights: Float32Array;
  bias: Float64Array;
}

function logits(m: SoftmaxModel, x: SparseRow, scale: number, out: Float64Array): void {
  const c = m.classes;
  out.set(m.bias);
  for (let k = 0; k < x.idx.length; k++) {
    const base = x.idx[k] * c;
    const v = x.val[k] * scale;
    for (let j = 0; j < c; j++) out[j] += m.weights[base + j] * v;
  }
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let j = 0; j < z.length; j++) sum += z[j] = Math.exp(z[j] - max);
  for (let j = 0; j < z.length; j++) z[j] /= sum;
}

export function trainSoftmax(xs: SparseRow[], ys: number[], classes: number, features: number, options: Partial<SoftmaxOptions> = {}): SoftmaxModel {
  const o = { ...DEFAULT_SOFTMAX, ...options };
  const m: SoftmaxModel = { classes, weights: new Float32Array(features * classes), bias: new Float64Array(classes) };
  const z = new Float64Array(classes);
  const order = xs.map((_, i) => i);
  const random = mulberry32(o.seed);
  // The weights are scale × weights: the L2 shrink of every weight is one multiplication.
  let scale = 1;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const lr = o.learningRate / (1 + epoch);
    shuffleInPlace(order, random);
    for (const n of order) {
      const x = xs[n];
      logits(m, x, scale, z);
      softmaxInPlace(z);
      z[ys[n]] -= 1; // gradient of the log loss with respect to the logits
      scale *= 1 - lr * o.l2;
      for (let j = 0; j < classes; j++) m.bias[j] -= lr * z[j];
      for (let k = 0; k < x.idx.length; k++) {
        const base = x.idx[k] * classes;
        const step = (lr * x.val[k]) / scale;
        for (let j = 0; j < classes; j++) m.weights[base + j] -= step * z[j];
      }
      if (scale < 1e-6) {
        for (let i = 0; i < m.weights.length; i++) m.weights[i] *= scale;
        scale = 1;
      }
    }
  }
  for (let i = 0; i < m.weights.length; i++) m.weights[i] *= scale;
  return m;
}

/** Class probabilities of one row. */
export function predictSoftmax(m: SoftmaxModel, x: SparseRow): Float64Array {
  const z = new Float64Array(m.classes);
  logits(m, x, 1, z);
  softmaxInPlace(z);
  return z;
}
