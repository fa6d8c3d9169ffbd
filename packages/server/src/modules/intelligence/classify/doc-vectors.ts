import { mulberry32, shuffleInPlace } from '../../../platform/random';
import { learnWordVectors, type WordVectors } from '../similarity/word-vectors';
import { normalize, words, type FeatureCounts, type SparseVector, type Vocabulary } from './features';

// Dense document vectors for the classifier: a text's IDF-weighted mean of the self-supervised
// vectors (similarity/word-vectors.ts: PPMI + SVD, learnt from the training texts, no labels) of
// its words and of its Han characters, unit length. Texts that say the same with other words
// (paraphrases) get close vectors where their TF-IDF vectors share nothing. A small softmax over
// them is added into the linear model (see train): its weights follow the terms' (feature V + d).

/** Dimensions of the learnt vectors. */
export const DOC_DIMENSIONS = 64;
/** A character's vector counts this much against a word's in the mean. */
const CHAR_WEIGHT = 0.5;
const HAN = /\p{Script=Han}/u;
/** Characters are learnt as tokens of their own, apart from the one-character words. */
const CHAR = '#';

/**
 * The words, each Han word of more than one character followed by its characters: in text order, so
 * that the co-occurrence window of a long text (see WordVectorOptions.window) holds what is near.
 */
function tokensOf(text: string): string[] {
  const out: string[] = [];
  for (const w of words(normalize(text))) {
    out.push(w);
    if (w.length > 1 && HAN.test(w[0])) for (const ch of w) out.push(CHAR + ch);
  }
  return out;
}

/** Word and character vectors learnt from the texts (seeded: the same texts give the same vectors); undefined when too few texts. */
export function learnDocVectors(texts: string[], dimensions = DOC_DIMENSIONS): WordVectors | undefined {
  const vectors = learnWordVectors(texts.map(tokensOf), { dimensions, seed: 1 });
  return vectors.size ? vectors : undefined;
}

/** A text's unit-length dense vector from its feature counts ("w:" words, "c:" single Han characters); all 0 when nothing has a vector. */
export function docVector(vectors: WordVectors, counts: FeatureCounts, vocab: Vocabulary): Float32Array {
  const D = vectors.dimensions;
  const sum = new Float64Array(D);
  const maxIdf = maxIdfOf(vocab);
  const add = (key: string, tf: number, token: string, weight: number) => {
    const v = vectors.vector(token);
    if (!v) return;
    const id = vocab.ids.get(key);
    const k = weight * (1 + Math.log(tf)) * (id === undefined ? maxIdf : vocab.idf[id]);
    for (let d = 0; d < D; d++) sum[d] += k * v[d];
  };
  counts.word.forEach((tf, key) => {
    if (key.startsWith('w:') && !key.startsWith('w:~')) add(key, tf, key.slice(2), 1);
  });
  counts.char.forEach((tf, key) => {
    if (key.length === 3) add(key, tf, CHAR + key[2], CHAR_WEIGHT);
  });
  let norm = 0;
  for (let d = 0; d < D; d++) norm += sum[d] * sum[d];
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(sum, (v) => v * s);
}

// a word with a vector but not in the vocabulary (rarer than the kept terms) weighs as the rarest term
const maxIdfs = new WeakMap<Vocabulary, number>();
function maxIdfOf(vocab: Vocabulary): number {
  let m = maxIdfs.get(vocab);
  if (m === undefined) {
    m = 1;
    for (let i = 0; i < vocab.idf.length; i++) if (vocab.idf[i] > m) m = vocab.idf[i];
    maxIdfs.set(vocab, m);
  }
  return m;
}

/** The sparse vector with the dense one appended as features offset, offset + 1, … */
export function appendDense(x: SparseVector, offset: number, dense: Float32Array): SparseVector {
  const n = x.idx.length;
  const idx = new Int32Array(n + dense.length);
  const val = new Float32Array(n + dense.length);
  idx.set(x.idx);
  val.set(x.val);
  for (let d = 0; d < dense.length; d++) {
    idx[n + d] = offset + d;
    val[n + d] = dense[d];
  }
  return { idx, val };
}

/** Gradients below this are skipped (most classes, for most texts). */
const MIN_GRADIENT = 1e-3;

/**
 * A softmax over dense vectors alone, trained as DECAYING_SOFTMAX is (step 1 / (1 + epoch), seeded
 * order, the last weights) but for 5 epochs (DataCLUE 0.824 / 0.744 against 0.820 / 0.743 with 10, at
 * two thirds of the cost): weights[d * classes + c] and a bias per class.
 */
export function trainDenseSoftmax(xs: Float32Array[], ys: number[], C: number, epochs = 5, seed = 1): { weights: Float32Array; bias: Float32Array } {
  const D = xs.length ? xs[0].length : 0;
  const w = new Float64Array(D * C);
  const b = new Float64Array(C);
  const s = new Float64Array(C);
  const rates = new Float64Array(C);
  const steppedClasses = new Int32Array(C);
  const whole = C - (C % 4);
  const order = Array.from(xs.keys());
  const random = mulberry32(seed);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = 1 / (1 + epoch);
    shuffleInPlace(order, random);
    for (const n of order) {
      const x = xs[n];
      s.set(b);
      for (let d = 0; d < D; d++) {
        const v = x[d];
        const base = d * C;
        let c = 0;
        for (; c < whole; c += 4) {
          // unrolled by four (as the linear model's addScores), the same sums in the same order
          s[c] += v * w[base + c];
          s[c + 1] += v * w[base + c + 1];
          s[c + 2] += v * w[base + c + 2];
          s[c + 3] += v * w[base + c + 3];
        }
        for (; c < C; c++) s[c] += v * w[base + c];
      }
      let max = -Infinity;
      for (let c = 0; c < C; c++) if (s[c] > max) max = s[c];
      let z = 0;
      for (let c = 0; c < C; c++) z += s[c] = Math.exp(s[c] - max);
      // the classes stepped, then one pass over the dimensions (each dimension's row is contiguous)
      let stepped = 0;
      for (let c = 0; c < C; c++) {
        const g = s[c] / z - (c === ys[n] ? 1 : 0);
        if (Math.abs(g) < MIN_GRADIENT) continue;
        rates[stepped] = -rate * g;
        steppedClasses[stepped++] = c;
      }
      for (let d = 0; d < D; d++) {
        const base = d * C;
        const v = x[d];
        for (let i = 0; i < stepped; i++) w[base + steppedClasses[i]] += rates[i] * v;
      }
      for (let i = 0; i < stepped; i++) b[steppedClasses[i]] += rates[i];
    }
  }
  return { weights: Float32Array.from(w), bias: Float32Array.from(b) };
}

/** The classes' scores of a dense vector under trainDenseSoftmax's weights. */
export function denseScores(m: { weights: Float32Array; bias: Float32Array }, x: Float32Array): Float32Array {
  const C = m.bias.length;
  const s = Float32Array.from(m.bias);
  for (let d = 0; d < x.length; d++) {
    const v = x[d];
    if (v === 0) continue;
    for (let c = 0; c < C; c++) s[c] += v * m.weights[d * C + c];
  }
  return s;
}
