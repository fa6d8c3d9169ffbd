import { DEFAULT_FEATURES, buildVocabulary, documentFrequencies, featureCounts, vectorize, type FeatureCounts, type FeatureOptions, type SparseVector, type Vocabulary } from './features';
import { naiveBayesWeights, rms as rmsOf } from './naive-bayes';
import { mulberry32, shuffleInPlace } from '../../../platform/random';
import type { WordVectors } from '../similarity/word-vectors';
import { appendDense, docVector, trainDenseSoftmax } from './doc-vectors';

// A linear text classifier: one weight per (feature, class), trained with the averaged multiclass
// passive-aggressive algorithm (PA-I, Crammer et al. 2006) or a softmax on TF-IDF word and character
// n-grams, or the sum of the two; optionally with naive Bayes and a dense softmax added in.
// Deterministic: the order of the examples comes from a seeded generator.

export interface TrainOptions {
  features: FeatureOptions;
  epochs: number;
  /** PA-I aggressiveness: the largest step on one example. */
  aggressiveness: number;
  /** Terms must appear in at least this many training texts (default: 1 below 2,000 texts, else 2). */
  minDf?: number;
  seed: number;
  /** 'worst': update against the highest-scoring wrong class; 'all': against every class within the margin. */
  update: 'worst' | 'all';
  /** 'hinge': passive-aggressive steps; 'log': softmax (multinomial logistic) SGD with learningRate. */
  loss: 'hinge' | 'log';
  learningRate: number;
  /** Sum of a hinge and a decaying softmax model (two trainings, see sumModels). */
  ensemble: boolean;
  /** Margin above which an example is passed over for a few epochs (0 = never). */
  shrink: number;
  /** Strength of the supervised term weight (1 + γ × how concentrated a term is in few classes) folded into idf. */
  supervised: number;
  /**
   * A vocabulary built beforehand (over the texts of several models, see sharedVocabulary), used as it
   * is: models sharing one vocabulary vectorise a text once for all of them.
   */
  vocabulary?: Vocabulary;
  /**
   * The texts' vectors under `vocabulary`, taken beforehand: models trained on the same texts (the
   * parts of an ensemble, the tuning's candidates) vectorise them once.
   */
  vectors?: SparseVector[];
  /** Weight of a naive Bayes model added into the linear one (0 = none), both scaled to unit RMS. */
  nb: number;
  /**
   * Class balance: each example's step × (texts / (classes × texts of its class))^balance (0 = none).
   * 0.5 by default: DataCLUE 0.824 / 0.744 → 0.830 / 0.753 (accuracy / macro-F1), its 1,842-text
   * sample 0.627 / 0.442 → 0.629 / 0.470, CLINC150 0.931 → 0.934, BANKING77 0.9198 → 0.9195.
   */
  balance: number;
  /** Softmax only: the step of epoch e is learningRate / (1 + e). */
  decay: boolean;
  /** Keep the average of the weights over all steps (true) or the last ones. */
  average: boolean;
  /** Word vectors learnt from the texts (see doc-vectors.ts), for `dense`. */
  docVectors?: WordVectors;
  /** Weight of a softmax over the texts' dense vectors added into the linear model (0 = none), scaled as naive Bayes is. */
  dense: number;
}

/** A softmax trained as a plain logistic regression: a step decaying with the epoch, the last weights. */
export const DECAYING_SOFTMAX = { loss: 'log', learningRate: 1, decay: true, average: false, epochs: 10 } as const satisfies Partial<TrainOptions>;

export const DEFAULT_TRAIN: TrainOptions = { features: DEFAULT_FEATURES, epochs: 15, aggressiveness: 0.2, seed: 1, update: 'worst', loss: 'hinge', learningRate: 1, ensemble: false, shrink: 1, supervised: 0, nb: 0, balance: 0.5, decay: false, average: true, dense: 0 };

export interface Prediction {
  label: string;
  /** Softmax of the class scores for the chosen label, 0–1. */
  confidence: number;
  scores: { label: string; score: number }[];
  /** The features that pushed most towards the chosen label, strongest first. */
  explanation: { feature: string; weight: number }[];
}

export class TextClassifier {
  constructor(
    readonly labels: string[],
    readonly vocab: Vocabulary,
    /** Feature-major: weights[feature * classes + class]. */
    readonly weights: Float32Array,
    readonly bias: Float32Array,
    readonly features: FeatureOptions,
    /** A text whose top class score is below this is unlike every class: "none of these" (-Infinity: never). */
    readonly unknownBelow = -Infinity,
    /**
     * Word vectors whose mean over a text's words is appended to its features (see doc-vectors.ts):
     * the weights then hold (terms + dimensions) × classes, the dense dimensions after the terms.
     */
    readonly docVectors?: WordVectors,
  ) {}

  /** A text's features under this model's vocabulary, with its dense part when the model has one. */
  vectorOfCounts(counts: FeatureCounts): SparseVector {
    return this.withDensePart(vectorize(counts, this.vocab, this.features), counts);
  }

  /**
   * A text's sparse vector under this model's vocabulary (shared by the models trained with it), with
   * this model's own dense part appended when it has word vectors.
   */
  withDensePart(x: SparseVector, counts: FeatureCounts): SparseVector {
    return this.docVectors ? appendDense(x, this.vocab.terms.length, docVector(this.docVectors, counts, this.vocab)) : x;
  }

  /** The same model with another "none of these" threshold. */
  withUnknownBelow(unknownBelow: number): TextClassifier {
    return new TextClassifier(this.labels, this.vocab, this.weights, this.bias, this.features, unknownBelow, this.docVectors);
  }

  /** Whether a text with these class scores (see rank) is unlike anything the model was trained on. */
  isUnknown(scores: ArrayLike<number>): boolean {
    return scores[argmax(scores)] < this.unknownBelow;
  }

  vector(text: string): SparseVector {
    return this.vectorOfCounts(featureCounts(text, this.features));
  }

  scores(x: SparseVector): Float32Array {
    const C = this.labels.length;
    const s = Float32Array.from(this.bias);
    addScores(s, x, this.weights, C);
    return s;
  }

  /** The top label only (cheapest). */
  classify(text: string): string {
    const s = this.scores(this.vector(text));
    return this.labels[argmax(s)];
  }

  predict(text: string, topFeatures = 5): Prediction {
    return this.predictCounts(featureCounts(text, this.features), topFeatures);
  }

  /** As predict, from feature counts already taken (several models with the same features share them). */
  predictCounts(counts: FeatureCounts, topFeatures = 5): Prediction {
    const r = this.rank(counts, topFeatures);
    const scores = Array.from(r.scores, (score, c) => ({ label: this.labels[c], score })).sort((a, b) => b.score - a.score);
    return { label: r.label, confidence: r.confidence, scores, explanation: r.explanation };
  }

  /**
   * The top label, the raw score of every class (in the order of labels) and the strongest features for
   * it, without an object per class: what a new ticket's analysis needs, at the least cost.
   */
  rank(counts: FeatureCounts, topFeatures = 5): Ranking {
    return this.rankVector(this.vectorOfCounts(counts), topFeatures);
  }

  /** As rank, from the text's vector (vectorOfCounts; models sharing a vocabulary and word vectors share it). */
  rankVector(x: SparseVector, topFeatures = 5): Ranking {
    const s = this.scores(x);
    const top = argmax(s);
    const C = this.labels.length;
    // scores are margins around ±1; a factor sharpens them into probabilities
    const max = s[top];
    let z = 0;
    for (let c = 0; c < C; c++) z += Math.exp(SOFTMAX_SCALE * (s[c] - max));
    // the topFeatures largest positive contributions, kept sorted by insertion
    const best: number[] = [];
    const weightOf = (j: number) => x.val[j] * this.weights[x.idx[j] * C + top];
    const V = this.vocab.terms.length;
    for (let j = 0; j < x.idx.length && topFeatures > 0; j++) {
      if (x.idx[j] >= V) break; // the dense part (last) names no word
      const w = weightOf(j);
      if (w <= 0 || (best.length === topFeatures && w <= weightOf(best[best.length - 1]))) continue;
      let at = best.length;
      while (at > 0 && weightOf(best[at - 1]) < w) at--;
      best.splice(at, 0, j);
      if (best.length > topFeatures) best.pop();
    }
    const explanation = best.map((j) => ({ feature: this.vocab.terms[x.idx[j]], weight: weightOf(j) }));
    return { label: this.labels[top], top, confidence: 1 / z, scores: s, explanation };
  }
}

/**
 * The same models with one vocabulary object wherever their vocabularies are equal (models trained
 * together share it, see sharedVocabulary): held once in memory, and a text vectorised once for them.
 */
export function shareVocabularies<K extends string>(models: Partial<Record<K, TextClassifier>>): Partial<Record<K, TextClassifier>> {
  const seen: TextClassifier[] = [];
  const out: Partial<Record<K, TextClassifier>> = {};
  for (const key of Object.keys(models) as K[]) {
    const m = models[key]!;
    const same = seen.find((s) => JSON.stringify(s.features) === JSON.stringify(m.features) && sameVocabulary(s.vocab, m.vocab));
    if (same) out[key] = new TextClassifier(m.labels, same.vocab, m.weights, m.bias, m.features, m.unknownBelow, m.docVectors);
    else {
      seen.push(m);
      out[key] = m;
    }
  }
  return out;
}

function sameVocabulary(a: Vocabulary, b: Vocabulary): boolean {
  if (a === b) return true;
  if (a.terms.length !== b.terms.length) return false;
  for (let i = 0; i < a.terms.length; i++) if (a.terms[i] !== b.terms[i] || a.idf[i] !== b.idf[i]) return false;
  return true;
}

export interface Ranking {
  label: string;
  /** index of the label in labels */
  top: number;
  confidence: number;
  /** raw class scores, in the order of labels */
  scores: Float32Array;
  explanation: { feature: string; weight: number }[];
}

const SOFTMAX_SCALE = 5;
/**
 * A softmax step leaves out the classes whose gradient is below this: with many classes most are
 * near 0 for most texts, and skipping them made training about a third faster with the same accuracy
 * (BANKING77 0.915, DataCLUE 0.811 / 0.724 at 3e-3 against 1e-4).
 */
const SOFTMAX_MIN_GRADIENT = 3e-3;
/** The stored weights (one int8 per term and class) stay within this: long texts with many classes keep their most frequent terms. */
export const MAX_WEIGHT_BYTES = 16_000_000;

/**
 * s[c] += Σ_j x.val[j] · w[x.idx[j] · C + c] for every class: the cost of scoring and of every training
 * step. Unrolled by four, which V8 runs about 1.5 times as fast; each s[c] sums in the same order.
 */
function addScores(s: Float32Array | Float64Array, x: SparseVector, w: Float32Array, C: number): void {
  const whole = C - (C % 4);
  for (let j = 0; j < x.idx.length; j++) {
    const base = x.idx[j] * C;
    const v = x.val[j];
    let c = 0;
    for (; c < whole; c += 4) {
      s[c] += v * w[base + c];
      s[c + 1] += v * w[base + c + 1];
      s[c + 2] += v * w[base + c + 2];
      s[c + 3] += v * w[base + c + 3];
    }
    for (; c < C; c++) s[c] += v * w[base + c];
  }
}

function argmax(s: ArrayLike<number>): number {
  let best = 0;
  for (let c = 1; c < s.length; c++) if (s[c] > s[best]) best = c;
  return best;
}


export function train(texts: string[], labels: string[], options: Partial<TrainOptions> = {}): TextClassifier {
  const o = { ...DEFAULT_TRAIN, ...options };
  if (o.ensemble) {
    // a passive-aggressive and a softmax model over the same features sum into one (see sumModels)
    const { vocabulary, vectors } = vectorsOf(texts, labels, o);
    const parts = { ensemble: false, nb: 0, dense: 0, vocabulary, vectors };
    const a = train(texts, labels, { ...o, ...parts, loss: 'hinge' });
    const b = train(texts, labels, { ...o, ...DECAYING_SOFTMAX, ...parts });
    const m = sumModels(a, b);
    const classOf = new Map(m.labels.map((c, i) => [c, i]));
    const ys = labels.map((l) => classOf.get(l)!);
    const scale = rmsOf(m.weights);
    if (o.nb > 0) addNaiveBayes(m.weights, vectors, ys, m.labels.length, o.nb);
    return o.dense > 0 && o.docVectors ? withDense(m, texts, ys, o.docVectors, o.dense * scale) : m;
  }
  if (texts.length !== labels.length) throw new Error('texts and labels differ in length');
  if (texts.length === 0) throw new Error('No training examples');
  const classes = [...new Set(labels)].sort();
  const classOf = new Map(classes.map((c, i) => [c, i]));
  const ys = labels.map((l) => classOf.get(l)!);
  const { vocabulary: vocab, vectors: xs } = vectorsOf(texts, labels, o);
  const C = classes.length;
  const V = vocab.terms.length;
  const w = new Float32Array(V * C);
  const average = o.average;
  const u = new Float32Array(average ? V * C : 0); // Σ t·Δw, for the average
  const rates = new Float64Array(C);
  const steppedClasses = new Int32Array(C);
  const b = new Float64Array(C);
  const ub = new Float64Array(C);
  const s = new Float64Array(C);
  const order = Array.from(xs.keys());
  const perClass = new Float64Array(C);
  for (const y of ys) perClass[y]++;
  const classWeight = Float64Array.from(perClass, (k) => (o.balance ? (xs.length / (C * k)) ** o.balance : 1));
  // Shrinking (as in liblinear): an example that has kept a comfortable margin is passed over for a
  // growing number of epochs; it would most likely cause no update, and scoring it is the whole cost.
  const streak = new Uint8Array(xs.length);
  const skip = new Uint8Array(xs.length);
  const random = mulberry32(o.seed);
  let t = 1;
  const step = (x: SparseVector, y: number, r: number, tau: number) => {
    for (let j = 0; j < x.idx.length; j++) {
      const base = x.idx[j] * C;
      const d = tau * x.val[j];
      w[base + y] += d;
      w[base + r] -= d;
      if (average) {
        u[base + y] += t * d;
        u[base + r] -= t * d;
      }
    }
    b[y] += tau;
    b[r] -= tau;
    ub[y] += t * tau;
    ub[r] -= t * tau;
  };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const rate = o.decay ? o.learningRate / (1 + epoch) : o.learningRate;
    shuffleInPlace(order, random);
    for (const n of order) {
      if (o.shrink && skip[n] > 0 && o.loss === 'hinge') {
        skip[n]--;
        t++;
        continue;
      }
      const x = xs[n];
      const y = ys[n];
      s.set(b);
      addScores(s, x, w, C);
      let sq = 1; // the bias feature
      for (let j = 0; j < x.val.length; j++) sq += x.val[j] * x.val[j];
      if (o.loss === 'log') {
        let max = -Infinity;
        for (let c = 0; c < C; c++) if (s[c] > max) max = s[c];
        let z = 0;
        for (let c = 0; c < C; c++) z += (s[c] = Math.exp(s[c] - max));
        // the classes stepped, then one pass over the text's features (each feature's row is contiguous)
        let stepped = 0;
        for (let c = 0; c < C; c++) {
          const g = s[c] / z - (c === y ? 1 : 0);
          if (Math.abs(g) < SOFTMAX_MIN_GRADIENT) continue;
          rates[stepped] = -rate * classWeight[y] * g;
          steppedClasses[stepped++] = c;
        }
        for (let j = 0; j < x.idx.length; j++) {
          const base = x.idx[j] * C;
          const v = x.val[j];
          for (let i = 0; i < stepped; i++) {
            const k = base + steppedClasses[i];
            const d = rates[i] * v;
            w[k] += d;
            if (average) u[k] += t * d;
          }
        }
        for (let i = 0; i < stepped; i++) {
          b[steppedClasses[i]] += rates[i];
          if (average) ub[steppedClasses[i]] += t * rates[i];
        }
        t++;
        continue;
      }
      let r = y === 0 ? 1 : 0;
      for (let c = 0; c < C; c++) if (c !== y && s[c] > s[r]) r = c;
      if (s[y] - s[r] > o.shrink) {
        if (streak[n] < 255) streak[n]++;
        skip[n] = Math.min(streak[n] - 1, 8);
      } else streak[n] = 0;
      if (C > 1 && 1 - (s[y] - s[r]) > 0) {
        let rivals = [r];
        if (o.update === 'all') rivals = Array.from(s.keys()).filter((c) => c !== y && 1 - (s[y] - s[c]) > 0);
        for (const rc of rivals) {
          const loss = 1 - (s[y] - s[rc]);
          const tau = Math.min(o.aggressiveness * classWeight[y], loss / (2 * sq)) / rivals.length;
          step(x, y, rc, tau);
        }
      }
      t++;
    }
  }
  if (average) for (let k = 0; k < w.length; k++) w[k] -= u[k] / t;
  const bias = Float32Array.from(b, (v, c) => (average ? v - ub[c] / t : v));
  const scale = rmsOf(w);
  if (o.nb > 0) addNaiveBayes(w, xs, ys, C, o.nb);
  const m = new TextClassifier(classes, vocab, w, bias, o.features);
  return o.dense > 0 && o.docVectors ? withDense(m, texts, ys, o.docVectors, o.dense * scale) : m;
}

/**
 * The vocabulary (built from the texts unless given) and the texts' vectors under it (unless given).
 * The texts are featurised again for the vectors instead of holding every text's counts at once.
 */
export function vectorsOf(texts: string[], labels: string[], o: TrainOptions): { vocabulary: Vocabulary; vectors: SparseVector[] } {
  if (o.vectors && !o.vocabulary) throw new Error('vectors are given without their vocabulary');
  let vocabulary = o.vocabulary;
  if (!vocabulary) {
    const classes = [...new Set(labels)].sort();
    vocabulary = buildVocabulary(documentFrequencies(texts, o.features), minDfFor(texts.length, o.minDf), maxTermsFor(classes.length, texts.length));
    if (o.supervised > 0) {
      const classOf = new Map(classes.map((c, i) => [c, i]));
      superviseIdf(vocabulary, texts, o.features, labels.map((l) => classOf.get(l)!), classes.length, o.supervised);
    }
  }
  const vocab = vocabulary;
  if (o.vectors && o.vectors.length !== texts.length) throw new Error('vectors and texts differ in length');
  return { vocabulary: vocab, vectors: o.vectors ?? texts.map((t) => vectorize(featureCounts(t, o.features), vocab, o.features)) };
}

/**
 * The model with a softmax over the texts' dense vectors (see doc-vectors.ts) added in: its weights
 * scaled to RMS `rms` become the features after the terms.
 */
function withDense(m: TextClassifier, texts: string[], ys: number[], vectors: WordVectors, rms: number): TextClassifier {
  const C = m.labels.length;
  const xs = texts.map((t) => docVector(vectors, featureCounts(t, m.features), m.vocab));
  const d = trainDenseSoftmax(xs, ys, C);
  const k = rms / rmsOf(d.weights);
  const w = new Float32Array(m.weights.length + d.weights.length);
  w.set(m.weights);
  for (let i = 0; i < d.weights.length; i++) w[m.weights.length + i] = d.weights[i] * k;
  const bias = Float32Array.from(m.bias, (v, c) => v + d.bias[c] * k);
  return new TextClassifier(m.labels, m.vocab, w, bias, m.features, m.unknownBelow, vectors);
}

/** Adds naive Bayes (see naive-bayes.ts) into linear weights, scaled to their RMS, times weight. */
function addNaiveBayes(w: Float32Array, xs: SparseVector[], ys: number[], C: number, weight: number): void {
  if (C < 2) return;
  const nb = naiveBayesWeights(xs, ys, w.length / C, C);
  const kn = (weight * rmsOf(w)) / rmsOf(nb);
  for (let i = 0; i < w.length; i++) w[i] += nb[i] * kn;
}

/**
 * The sum of two models over one vocabulary, each scaled to unit RMS: a passive-aggressive model (a
 * margin, even over the classes) and a softmax one (fits the large classes of noisy histories).
 */
export function sumModels(a: TextClassifier, b: TextClassifier): TextClassifier {
  const ka = 1 / rmsOf(a.weights);
  const kb = 1 / rmsOf(b.weights);
  const w = new Float32Array(a.weights.length);
  for (let k = 0; k < w.length; k++) w[k] = a.weights[k] * ka + b.weights[k] * kb;
  const bias = Float32Array.from(a.bias, (v, c) => v * ka + b.bias[c] * kb);
  return new TextClassifier(a.labels, a.vocab, w, bias, a.features);
}

const minDfFor = (texts: number, minDf?: number) => minDf ?? (texts < 2000 ? 1 : 2);
/**
 * The stored model's size grows with the tenant's texts: about 4 MB for a small tenant, up to 18 MB
 * (a term costs one byte per class, its idf and its text, ~16 bytes). Without it a small tenant with
 * long texts kept every term seen once (1.2 M terms, 30 MB for 1,842 texts).
 */
export const modelBytesFor = (texts: number) => Math.min(18_000_000, 4_000_000 + 140 * texts);
const maxTermsFor = (classes: number, texts: number) => Math.floor(Math.min(MAX_WEIGHT_BYTES / Math.max(1, classes), modelBytesFor(texts) / (Math.max(1, classes) + 16)));

/**
 * One vocabulary for several models trained on (overlapping sets of) the same texts — a tenant's
 * category, team and priority models — sized for the one with the most classes.
 */
export function sharedVocabulary(texts: string[], maxClasses: number, o: Pick<TrainOptions, 'features' | 'minDf'> = DEFAULT_TRAIN): Vocabulary {
  return buildVocabulary(documentFrequencies(texts, o.features), minDfFor(texts.length, o.minDf), maxTermsFor(maxClasses, texts.length));
}

/**
 * Multiplies each idf by 1 + γ·(1 − H(class | term) / ln C), H over the smoothed class distribution of
 * the texts holding the term: a multiclass cousin of NB-SVM's log-count ratio. Terms spread over all
 * classes keep their idf; terms concentrated in one class are boosted. Folded into idf, so the
 * stored model and prediction do not change.
 */
function superviseIdf(vocab: Vocabulary, texts: string[], features: FeatureOptions, ys: number[], C: number, gamma: number): void {
  if (C < 2) return;
  const V = vocab.terms.length;
  const df = new Float32Array(V * C);
  const prior = new Float64Array(C);
  texts.forEach((text, n) => {
    const c = featureCounts(text, features);
    prior[ys[n]]++;
    for (const m of [c.word, c.char])
      for (const k of m.keys()) {
        const id = vocab.ids.get(k);
        if (id !== undefined) df[id * C + ys[n]]++;
      }
  });
  for (let c = 0; c < C; c++) prior[c] /= texts.length;
  const lnC = Math.log(C);
  for (let f = 0; f < V; f++) {
    let total = 1; // one pseudo-text spread by the class prior
    for (let c = 0; c < C; c++) total += df[f * C + c];
    let h = 0;
    for (let c = 0; c < C; c++) {
      const p = (df[f * C + c] + prior[c]) / total;
      if (p > 0) h -= p * Math.log(p);
    }
    vocab.idf[f] *= 1 + gamma * (1 - h / lnC);
  }
}
