import type { PreparedText } from './pair-features';
import type { IdfSource } from './text-terms';
import { dot, type WordVectors } from './word-vectors';

// Pair features over learnt word vectors: paraphrases that share few words (打不出来 / 无法打印)
// still have words with close vectors. Words without a vector (not seen when learning) match
// only themselves.

export const VECTOR_FEATURE_NAMES = ['vec_cos', 'align_min', 'align_max', 'unaligned_idf_max', 'diff_align_min', 'diff_align_max', 'diff_best'] as const;

/** A word counts as matched at or above this cosine to some word on the other side. */
const MATCHED = 0.5;

/** IDF-weighted sum of the vectors of a text's words (undefined when none has one). */
function meanVector(p: PreparedText, vectors: WordVectors, stats: IdfSource): Float64Array | undefined {
  const m = new Float64Array(vectors.dimensions);
  let any = false;
  for (const w of p.wordSet) {
    const v = vectors.vector(w);
    if (!v) continue;
    any = true;
    const idf = stats.idf(`w:${w}`);
    for (let i = 0; i < m.length; i++) m[i] += idf * v[i];
  }
  return any ? m : undefined;
}

function cosine(a: Float64Array | undefined, b: Float64Array | undefined): number {
  if (!a || !b) return 0;
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? d / Math.sqrt(na * nb) : 0;
}

/** A word's best cosine to any of the vectors given (0 without a vector). */
function bestMatch(word: string, others: Float32Array[], vectors: WordVectors): number {
  const v = vectors.vector(word);
  let best = 0;
  if (v) for (const u of others) best = Math.max(best, dot(v, u));
  return best;
}

/** Soft alignment of a onto b: the IDF-weighted mean of each word's best match (1 for the same word), and the largest IDF left unmatched. */
function align(a: PreparedText, b: PreparedText, vectors: WordVectors, stats: IdfSource): { share: number; unmatched: number } {
  const others = [...b.wordSet].flatMap((w) => vectors.vector(w) ?? []);
  let total = 0;
  let matched = 0;
  let unmatched = 0;
  for (const w of a.wordSet) {
    const idf = stats.idf(`w:${w}`);
    const best = b.wordSet.has(w) ? 1 : bestMatch(w, others, vectors);
    total += idf;
    matched += idf * best;
    if (best < MATCHED && idf > unmatched) unmatched = idf;
  }
  return { share: total > 0 ? matched / total : 0, unmatched };
}

/** The words only a has aligned to the words only b has: IDF-weighted mean best cosine, and the best of any (1 and 1 when a has no word of its own). */
function alignDifferences(a: PreparedText, b: PreparedText, vectors: WordVectors, stats: IdfSource): { share: number; best: number } {
  const onlyA = [...a.wordSet].filter((w) => !b.wordSet.has(w));
  const onlyB = [...b.wordSet].filter((w) => !a.wordSet.has(w)).flatMap((w) => vectors.vector(w) ?? []);
  if (onlyA.length === 0) return { share: 1, best: 1 };
  let total = 0;
  let matched = 0;
  let top = 0;
  for (const w of onlyA) {
    const idf = stats.idf(`w:${w}`);
    const best = bestMatch(w, onlyB, vectors);
    total += idf;
    matched += idf * best;
    top = Math.max(top, best);
  }
  return { share: matched / total, best: top };
}

/** Dense features in the order of VECTOR_FEATURE_NAMES, roughly in 0..1. */
export function vectorFeatures(a: PreparedText, b: PreparedText, vectors: WordVectors, stats: IdfSource, maxIdf: number): number[] {
  const ab = align(a, b, vectors, stats);
  const ba = align(b, a, vectors, stats);
  const da = alignDifferences(a, b, vectors, stats);
  const db = alignDifferences(b, a, vectors, stats);
  return [
    cosine(meanVector(a, vectors, stats), meanVector(b, vectors, stats)),
    Math.min(ab.share, ba.share),
    Math.max(ab.share, ba.share),
    Math.max(ab.unmatched, ba.unmatched) / maxIdf,
    Math.min(da.share, db.share),
    Math.max(da.share, db.share),
    Math.max(da.best, db.best),
  ];
}
