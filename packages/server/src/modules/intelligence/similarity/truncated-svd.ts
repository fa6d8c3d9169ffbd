import { mulberry32 } from '../../../platform/random';

// Randomised truncated SVD (Halko, Martinsson & Tropp) of a sparse symmetric matrix, small enough
// for a vocabulary of tens of thousands of words: a seeded Gaussian sketch, a few power
// iterations, then the exact SVD of the small projected matrix by Jacobi rotations.

/** A sparse symmetric n × n matrix in compressed rows. */
export interface SparseSymmetric {
  n: number;
  rowStart: Int32Array;
  col: Int32Array;
  value: Float64Array;
}

/** Dense n × k matrix in rows (row i is data[i*k .. i*k+k)). */
interface Dense {
  rows: number;
  cols: number;
  data: Float64Array;
}

function multiply(m: SparseSymmetric, x: Dense): Dense {
  const k = x.cols;
  const out = new Float64Array(m.n * k);
  for (let i = 0; i < m.n; i++) {
    const o = i * k;
    for (let p = m.rowStart[i]; p < m.rowStart[i + 1]; p++) {
      const v = m.value[p];
      const xo = m.col[p] * k;
      for (let c = 0; c < k; c++) out[o + c] += v * x.data[xo + c];
    }
  }
  return { rows: m.n, cols: k, data: out };
}

/** Orthonormalises the columns in place (modified Gram–Schmidt, twice for stability). */
function orthonormalise(x: Dense): void {
  const { rows, cols, data } = x;
  for (let pass = 0; pass < 2; pass++) {
    for (let c = 0; c < cols; c++) {
      for (let d = 0; d < c; d++) {
        let dot = 0;
        for (let r = 0; r < rows; r++) dot += data[r * cols + c] * data[r * cols + d];
        for (let r = 0; r < rows; r++) data[r * cols + c] -= dot * data[r * cols + d];
      }
      let norm = 0;
      for (let r = 0; r < rows; r++) norm += data[r * cols + c] ** 2;
      norm = Math.sqrt(norm);
      for (let r = 0; r < rows; r++) data[r * cols + c] = norm > 1e-12 ? data[r * cols + c] / norm : 0;
    }
  }
}

/** Eigenvalues and eigenvectors (columns of `vectors`, k × k) of a symmetric k × k matrix, cyclic Jacobi. */
function symmetricEigen(a: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += m[p * k + q] ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = m[p * k + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * k + q] - m[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const mrp = m[r * k + p];
          const mrq = m[r * k + q];
          m[r * k + p] = c * mrp - s * mrq;
          m[r * k + q] = s * mrp + c * mrq;
        }
        for (let r = 0; r < k; r++) {
          const mpr = m[p * k + r];
          const mqr = m[q * k + r];
          m[p * k + r] = c * mpr - s * mqr;
          m[q * k + r] = s * mpr + c * mqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = m[i * k + i];
  return { values, vectors: v };
}

/**
 * The top `rank` singular values and left singular vectors of m: `vectors` is n × rank in rows,
 * `values` descending. Deterministic for a seed.
 */
export function truncatedSvd(m: SparseSymmetric, rank: number, options: { oversample?: number; powerIterations?: number; seed?: number } = {}): { values: Float64Array; vectors: Float64Array } {
  const l = Math.min(m.n, rank + (options.oversample ?? 10));
  const k = Math.min(rank, l);
  const random = mulberry32(options.seed ?? 1);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  let y: Dense = { rows: m.n, cols: l, data: Float64Array.from({ length: m.n * l }, gaussian) };
  y = multiply(m, y);
  orthonormalise(y);
  for (let i = 0; i < (options.powerIterations ?? 2); i++) {
    y = multiply(m, y);
    orthonormalise(y);
  }
  // B = Qᵀ M (l × n); as M is symmetric, Bᵀ = M Q. B Bᵀ = (MQ)ᵀ(MQ) is l × l: its eigenvectors W
  // give the left singular vectors Q W, its eigenvalues the squared singular values.
  const mq = multiply(m, y);
  const gram = new Float64Array(l * l);
  for (let r = 0; r < m.n; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const vi = mq.data[o + i];
      if (vi === 0) continue;
      for (let j = i; j < l; j++) gram[i * l + j] += vi * mq.data[o + j];
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) gram[i * l + j] = gram[j * l + i];
  const eig = symmetricEigen(gram, l);
  const order = Array.from({ length: l }, (_, i) => i).sort((a, b) => eig.values[b] - eig.values[a]);
  const values = new Float64Array(k);
  const vectors = new Float64Array(m.n * k);
  for (let c = 0; c < k; c++) {
    const e = order[c];
    values[c] = Math.sqrt(Math.max(0, eig.values[e]));
    for (let r = 0; r < m.n; r++) {
      let s = 0;
      for (let j = 0; j < l; j++) s += y.data[r * l + j] * eig.vectors[j * l + e];
      vectors[r * k + c] = s;
    }
  }
  return { values, vectors };
}
