import { mulberry32 } from '../../../platform/random';
import { PAIR_FEATURE_NAMES, pairFeatures, pairSparse, prepare, type PreparedText } from './pair-features';
import { bestF1Threshold, trainPairModel, type PairModel, type PairModelOptions, type PairVector } from './pair-model';
import { TermStats, WORD_WEIGHT, type IdfSource } from './text-terms';
import { vectorFeatures } from './vector-features';
import { learnWordVectors, type WordVectors } from './word-vectors';

// Duplicate-pair detection trained on labelled pairs. Three candidates are compared on
// out-of-fold predictions over the training pairs (so the choice and the threshold are not fitted
// on the pairs a model has seen): the plain combined cosine, logistic regression on the dense
// features, and, with enough pairs to learn word-level weights, dense plus hashed sparse features.

export type PairScorerKind = 'cosine' | 'dense' | 'sparse';

export interface PairScorer {
  kind: PairScorerKind;
  /** Duplicate when score(a, b) >= threshold. */
  threshold: number;
  /** Out-of-fold F1 of every candidate on the training pairs (what the choice was made on). */
  candidates: Partial<Record<PairScorerKind, number>>;
  /** Size the scorer would take stored: its IDF table (term bytes + 4 per count), its word vectors and 4 bytes per weight (8 per non-zero hashed one, with its index). */
  bytes: number;
  score(a: string, b: string): number;
}

/** Sparse word features need many pairs to learn from; below this they only add noise. */
export const SPARSE_MIN_PAIRS = 2000;
const BUCKETS = 1 << 18;
const FOLDS = 3;

export class PairFeaturizer {
  private readonly cache = new Map<string, PreparedText>();
  readonly maxIdf: number;
  /** Learnt word vectors, set once after construction (from the texts it prepared); without them, no vector features. */
  vectors?: WordVectors;
  constructor(readonly stats: IdfSource & { n: number }) {
    this.maxIdf = Math.log(1 + stats.n) + 1;
  }

  prepared(text: string): PreparedText {
    let p = this.cache.get(text);
    if (!p) {
      p = prepare(text);
      // Question-pair sets repeat their texts a lot; a bounded cache keeps memory flat.
      if (this.cache.size < 500_000) this.cache.set(text, p);
    }
    return p;
  }

  vector(a: string, b: string, buckets: number): PairVector {
    const pa = this.prepared(a);
    const pb = this.prepared(b);
    const dense = pairFeatures(pa, pb, this.stats, this.maxIdf);
    if (this.vectors) dense.push(...vectorFeatures(pa, pb, this.vectors, this.stats, this.maxIdf));
    return { dense, sparse: buckets ? pairSparse(pa, pb, buckets) : [] };
  }
}

const COSINE = (x: PairVector) => WORD_WEIGHT * x.dense[PAIR_FEATURE_NAMES.indexOf('cos_word')] + (1 - WORD_WEIGHT) * x.dense[PAIR_FEATURE_NAMES.indexOf('cos_char')];

export function fitPairScorer(a: string[], b: string[], labels: boolean[], options: Partial<PairModelOptions> & { only?: PairScorerKind } = {}): PairScorer {
  const stats = TermStats.of([...a, ...b]);
  // Word vectors from the training texts themselves (no labels): paraphrases that share few words.
  const featurizer = new PairFeaturizer(stats);
  const vectors = learnWordVectors([...a, ...b].map((t) => featurizer.prepared(t).words), { seed: options.seed ?? 1 });
  featurizer.vectors = vectors;
  const useSparse = labels.length >= SPARSE_MIN_PAIRS;
  const xs = a.map((t, i) => featurizer.vector(t, b[i], useSparse ? BUCKETS : 0));
  const kinds: PairScorerKind[] = options.only ? [options.only] : useSparse ? ['cosine', 'dense', 'sparse'] : ['cosine', 'dense'];
  const random = mulberry32(options.seed ?? 1);
  const fold = labels.map(() => Math.floor(random() * FOLDS));
  let weightBytes = 0;
  const fit = (kind: PairScorerKind, idx: number[]): ((x: PairVector) => number) => {
    if (kind === 'cosine') return COSINE;
    const sub = idx.map((i) => (kind === 'dense' ? { dense: xs[i].dense, sparse: [] } : xs[i]));
    const model: PairModel = trainPairModel(
      sub,
      idx.map((i) => labels[i]),
      { ...options, buckets: kind === 'sparse' ? BUCKETS : 0 },
    );
    weightBytes = 4 * (3 * model.dense.length + 1) + 8 * model.sparse.reduce((n, w) => n + (w === 0 ? 0 : 1), 0);
    return (x) => model.score(x);
  };
  const candidates: Partial<Record<PairScorerKind, number>> = {};
  let best: { kind: PairScorerKind; f1: number; threshold: number } | undefined;
  for (const kind of kinds) {
    const oof = new Array<number>(labels.length);
    // A fold with no positive or no negative pair (tiny training sets) cannot train a model.
    for (let f = 0; f < (kind === 'cosine' ? 1 : FOLDS); f++) {
      const trainIdx = kind === 'cosine' ? [] : labels.map((_, i) => i).filter((i) => fold[i] !== f);
      const score = fit(kind, trainIdx);
      labels.forEach((_, i) => {
        if (kind === 'cosine' || fold[i] === f) oof[i] = score(xs[i]);
      });
    }
    const t = bestF1Threshold(oof, labels);
    candidates[kind] = Math.round(t.f1 * 10000) / 10000;
    // A model must beat the plain cosine clearly to be worth its weights.
    if (!best || t.f1 > best.f1 + 0.002) best = { kind, f1: t.f1, threshold: t.threshold };
  }
  const chosen = best!;
  weightBytes = 0;
  const final = fit(
    chosen.kind,
    labels.map((_, i) => i),
  );
  let idfBytes = 0;
  for (const term of stats.df.keys()) idfBytes += Buffer.byteLength(term) + 4;
  const buckets = chosen.kind === 'sparse' ? BUCKETS : 0;
  return {
    kind: chosen.kind,
    threshold: chosen.threshold,
    candidates,
    bytes: idfBytes + weightBytes + vectors.bytes,
    score: (x, y) => final(featurizer.vector(x, y, buckets)),
  };
}
