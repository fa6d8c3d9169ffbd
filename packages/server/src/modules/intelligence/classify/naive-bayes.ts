import type { SparseVector } from './features';

// Multinomial naive Bayes over the same TF-IDF vectors as the linear model, kept as a linear model
// (one weight per term and class) so that it can be added into the linear model's weights: the
// stored model and its prediction stay as they are. Naive Bayes is little moved by a share of wrong
// labels in a tenant's history (each text adds its counts, nothing chases it), where the
// discriminative model bends to fit them; the sum keeps the strengths of both.

/**
 * Log-probabilities of the terms in each class, smoothed by alpha, centred over the classes for each
 * term (which changes no ranking: a text's scores all move by the same amount) and with a uniform
 * prior, so that a small class is not outvoted by its size alone.
 */
export function naiveBayesWeights(xs: SparseVector[], ys: number[], terms: number, classes: number, alpha = 0.1): Float32Array {
  const C = classes;
  const count = new Float64Array(terms * C);
  const total = new Float64Array(C);
  xs.forEach((x, n) => {
    const y = ys[n];
    for (let j = 0; j < x.idx.length; j++) {
      count[x.idx[j] * C + y] += x.val[j];
      total[y] += x.val[j];
    }
  });
  const logTotal = Float64Array.from(total, (t) => Math.log(t + alpha * terms));
  const w = new Float32Array(terms * C);
  for (let f = 0; f < terms; f++) {
    let mean = 0;
    for (let c = 0; c < C; c++) mean += w[f * C + c] = Math.log(count[f * C + c] + alpha) - logTotal[c];
    mean /= C;
    for (let c = 0; c < C; c++) w[f * C + c] -= mean;
  }
  return w;
}

/** Root mean square of the weights (1 when all are 0). */
export function rms(w: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < w.length; k++) s += w[k] * w[k];
  return Math.sqrt(s / (w.length || 1)) || 1;
}

