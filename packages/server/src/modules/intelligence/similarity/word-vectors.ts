import { mulberry32, shuffleInPlace } from '../../../platform/random';
import { truncatedSvd } from './truncated-svd';

// Self-supervised word vectors learnt from a tenant's own texts (no pretrained model): positive
// pointwise mutual information of words that occur near each other, reduced by a truncated SVD
// (Levy, Goldberg & Dagan 2015). Words used in the same contexts — 无法 / 不能, 打不出来 / 无法打印
// in the same kind of sentence — end up with close vectors although they never share a text.

export interface WordVectorOptions {
  dimensions: number;
  /**
   * Words up to this many positions apart co-occur; 0 = anywhere in the same text. 30 by default: a
   * short text (a message, a question, a title) is one context whole, and a long one (an email, a
   * description) costs in proportion to its length instead of its square (2,000 texts of about 200
   * tokens: 11.7 s of learning with the whole text).
   */
  window: number;
  /** Words seen in fewer texts get no vector. */
  minCount: number;
  /** Most frequent words kept at most. */
  maxWords: number;
  /** Smoothing exponent of the context distribution (0.75 as in word2vec). */
  contextAlpha: number;
  /**
   * Co-occurrences counted at most (about 0.4 µs each): when the texts hold more, the vectors are
   * learnt from a seeded sample of whole texts that holds this many. Short texts never reach it
   * (10,000 messages of about 20 tokens: 1.9 M).
   */
  maxPairs: number;
  /** Vectors are U·Σ^p, then unit length. */
  singularPower: number;
  seed: number;
}

export const DEFAULT_WORD_VECTORS: WordVectorOptions = { dimensions: 64, window: 30, maxPairs: 4_000_000, minCount: 2, maxWords: 20_000, contextAlpha: 0.75, singularPower: 0.5, seed: 1 };

/** Unit-length vectors by word; a word not seen when learning has none. */
export class WordVectors {
  constructor(
    readonly dimensions: number,
    readonly rows: Map<string, number>,
    readonly data: Float32Array,
  ) {}

  get size(): number {
    return this.rows.size;
  }

  vector(word: string): Float32Array | undefined {
    const r = this.rows.get(word);
    return r === undefined ? undefined : this.data.subarray(r * this.dimensions, (r + 1) * this.dimensions);
  }

  /** Stored size: each word's UTF-8 bytes, a 4-byte row number and 4 bytes per dimension. */
  get bytes(): number {
    let n = this.data.byteLength;
    for (const w of this.rows.keys()) n += Buffer.byteLength(w) + 4;
    return n;
  }
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Co-occurrences a text of `length` tokens adds at most. */
export function pairsIn(length: number, window: number): number {
  if (window <= 0 || window >= length) return (length * (length - 1)) / 2;
  return window * (length - window) + (window * (window - 1)) / 2;
}

/** The texts, or when they hold more than maxPairs co-occurrences a seeded sample of them within it (in their order). */
export function sampleWithin(docs: string[][], o: WordVectorOptions): string[][] {
  const cost = docs.map((t) => pairsIn(t.length, o.window));
  if (cost.reduce((a, b) => a + b, 0) <= o.maxPairs) return docs;
  const random = mulberry32(o.seed);
  const order = shuffleInPlace(Array.from(docs.keys()), random);
  const keep = new Uint8Array(docs.length);
  let budget = o.maxPairs;
  for (const i of order) {
    if (cost[i] > budget) continue;
    keep[i] = 1;
    budget -= cost[i];
  }
  return docs.filter((_, i) => keep[i]);
}

/** Learns vectors from texts given as word lists (each distinct text counted once). */
export function learnWordVectors(texts: Iterable<string[]>, options: Partial<WordVectorOptions> = {}): WordVectors {
  const o = { ...DEFAULT_WORD_VECTORS, ...options };
  const seen = new Set<string>();
  const docs: string[][] = [];
  const df = new Map<string, number>();
  for (const t of texts) {
    const key = t.join('\u0001');
    if (seen.has(key)) continue;
    seen.add(key);
    docs.push(t);
    for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const vocab = [...df]
    .filter(([, n]) => n >= o.minCount)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, o.maxWords)
    .map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const n = vocab.length;
  if (n < 2) return new WordVectors(o.dimensions, new Map(), new Float32Array(0));

  // Symmetric co-occurrence counts, key i * n + j with i < j.
  const pairs = new Map<number, number>();
  for (const t of sampleWithin(docs, o)) {
    const ids = t.map((w) => index.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0) continue;
      const end = o.window > 0 ? Math.min(ids.length, i + o.window + 1) : ids.length;
      for (let j = i + 1; j < end; j++) {
        if (ids[j] < 0 || ids[j] === ids[i]) continue;
        const [x, y] = ids[i] < ids[j] ? [ids[i], ids[j]] : [ids[j], ids[i]];
        const k = x * n + y;
        pairs.set(k, (pairs.get(k) ?? 0) + 1);
      }
    }
  }
  const margin = new Float64Array(n);
  let total = 0;
  for (const [k, c] of pairs) {
    margin[Math.floor(k / n)] += c;
    margin[k % n] += c;
    total += 2 * c;
  }
  let smoothed = 0;
  for (let i = 0; i < n; i++) smoothed += margin[i] ** o.contextAlpha;

  // PPMI entries, both triangles, in compressed rows.
  const rowCount = new Int32Array(n + 1);
  const entries: [number, number, number][] = [];
  for (const [k, c] of pairs) {
    const i = Math.floor(k / n);
    const j = k % n;
    const pi = margin[i] ** o.contextAlpha / smoothed;
    const pj = margin[j] ** o.contextAlpha / smoothed;
    const pmi = Math.log(c / total / (pi * pj));
    if (pmi <= 0) continue;
    entries.push([i, j, pmi], [j, i, pmi]);
    rowCount[i + 1]++;
    rowCount[j + 1]++;
  }
  for (let i = 0; i < n; i++) rowCount[i + 1] += rowCount[i];
  const fill = rowCount.slice(0, n);
  const col = new Int32Array(entries.length);
  const value = new Float64Array(entries.length);
  for (const [i, j, v] of entries) {
    col[fill[i]] = j;
    value[fill[i]++] = v;
  }
  const dims = Math.min(o.dimensions, n);
  const svd = truncatedSvd({ n, rowStart: rowCount, col, value }, dims, { seed: o.seed });

  const rows = new Map<string, number>();
  const data = new Float32Array(n * dims);
  let r = 0;
  for (let i = 0; i < n; i++) {
    let norm = 0;
    const v = new Float64Array(dims);
    for (let c = 0; c < dims; c++) {
      v[c] = svd.vectors[i * dims + c] * svd.values[c] ** o.singularPower;
      norm += v[c] * v[c];
    }
    if (norm < 1e-18) continue; // a word with no positive association: no vector
    norm = Math.sqrt(norm);
    for (let c = 0; c < dims; c++) data[r * dims + c] = v[c] / norm;
    rows.set(vocab[i], r++);
  }
  return new WordVectors(dims, rows, data.slice(0, r * dims));
}
