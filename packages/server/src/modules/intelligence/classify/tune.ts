import { mulberry32, shuffleInPlace } from '../../../platform/random';
import { DECAYING_SOFTMAX, DEFAULT_TRAIN, sumModels, TextClassifier, train, vectorsOf, type TrainOptions } from './model';
import { naiveBayesWeights, rms } from './naive-bayes';
import { denseScores, docVector, learnDocVectors, trainDenseSoftmax } from './doc-vectors';
import { featureCounts } from './features';

// The settings a tenant's history calls for, chosen on that history alone. A part of the training
// texts is held back: every text of a few whole classes (they play the tickets unlike anything the
// model knows) and a share of the others. Models trained on the rest are scored on it, which picks
//  - the step size of the linear model (small when the labels are noisy, larger when they are clean),
//  - the weight of the naive Bayes model added into it (helps on noisy labels, hurts on clean ones),
//  - the top class score below which a text is "none of these" (goes to triage).

export interface Tuned {
  /**
   * The linear model: passive-aggressive ('hinge', with aggressiveness), a decaying softmax ('log'),
   * or their sum ('both', see sumModels).
   */
  model: 'hinge' | 'log' | 'both';
  aggressiveness: number;
  nb: number;
  /** Weight of the softmax over the texts' dense vectors (see doc-vectors.ts) added in, 0 = none. */
  dense: number;
  /** -Infinity when the history has too few classes to hold some back */
  unknownBelow: number;
}

/** A held-back text under one setting: its top score, whether that class is its own, whether it is of a held-back class. */
export interface Scored {
  top: number;
  right: boolean;
  unknown: boolean;
}

export const AGGRESSIVENESS_GRID = [0.2, 0.05];
/**
 * The models tried, the plain passive-aggressive ones first (the safer bet on a tie). The softmax fits
 * the large classes of noisy histories better, the passive-aggressive model is ahead on clean ones;
 * the held-back texts decide.
 */
const CANDIDATES: Pick<Tuned, 'model' | 'aggressiveness'>[] = [
  ...AGGRESSIVENESS_GRID.map((aggressiveness) => ({ model: 'hinge' as const, aggressiveness })),
  { model: 'log', aggressiveness: 0 },
  ...AGGRESSIVENESS_GRID.map((aggressiveness) => ({ model: 'both' as const, aggressiveness })),
];

/** The training options of tuned settings. */
export function settingsOf(t: Pick<Tuned, 'model' | 'aggressiveness' | 'nb'> & { dense?: number }): Partial<TrainOptions> {
  const dense = t.dense === undefined ? {} : { dense: t.dense };
  if (t.model === 'log') return { ...DECAYING_SOFTMAX, nb: t.nb, ...dense };
  return { loss: 'hinge', ensemble: t.model === 'both', aggressiveness: t.aggressiveness, nb: t.nb, ...dense };
}
export const NB_GRID = [0, 0.25, 0.5, 1, 2, 4];
/** Weights of the dense softmax tried (when there are word vectors). */
export const DENSE_GRID = [0, 1, 2, 3, 4];
/** Classes held back whole: one in this many, when there are at least this many. */
const UNKNOWN_EVERY = 5;
/** Texts of the other classes held back: one in this many. */
const HELD_EVERY = 5;
/** How much a held-back unknown text rejected counts against an in-scope text labelled right. */
export const UNKNOWN_WEIGHT = 0.1;
/**
 * Texts the tuning models are fitted on, at most (a random share of the others): a large history
 * chooses the same settings from a part of it, and its tuning then costs no more than training.
 */
const MAX_FIT = 8000;
/** Below this many held-back texts the defaults stand. */
const MIN_HELD = 20;

export const UNTUNED: Tuned = { model: 'hinge', aggressiveness: 0.2, nb: 0, dense: 0, unknownBelow: -Infinity };

/** The split: texts to fit on, held-back texts of known classes, held-back texts of unknown classes. */
export function tuningSplit(labels: string[], seed = 1): { fit: number[]; known: number[]; unknown: number[] } {
  const random = mulberry32(seed);
  const shuffle = <T>(a: T[]) => shuffleInPlace(a, random);
  const classes = shuffle([...new Set(labels)].sort());
  const away = new Set(classes.length >= UNKNOWN_EVERY ? classes.filter((_, i) => i % UNKNOWN_EVERY === UNKNOWN_EVERY - 1) : []);
  const fit: number[] = [];
  const known: number[] = [];
  const unknown: number[] = [];
  shuffle(Array.from(labels.keys())).forEach((n, i) => {
    if (away.has(labels[n])) unknown.push(n);
    else (i % HELD_EVERY === 0 ? known : fit).push(n);
  });
  return { fit, known, unknown };
}

export function tune(texts: string[], labels: string[], options: Partial<TrainOptions> = {}): Tuned {
  const { fit: all, known, unknown } = tuningSplit(labels, options.seed);
  const fit = all.slice(0, MAX_FIT); // in random order
  const fitLabels = fit.map((n) => labels[n]);
  if (known.length < MIN_HELD || new Set(fitLabels).size < 2) return UNTUNED;
  const fitTexts = fit.map((n) => texts[n]);
  // each model is trained once, over one vocabulary and the fit texts vectorised once; the sums and
  // naive Bayes are added at scoring time
  const { vocabulary, vectors: fitXs } = vectorsOf(fitTexts, fitLabels, { ...DEFAULT_TRAIN, ...options });
  const fitOn = (t: Pick<Tuned, 'model' | 'aggressiveness'>) => train(fitTexts, fitLabels, { ...options, ...settingsOf({ ...t, nb: 0 }), vocabulary, vectors: fitXs });
  const first = fitOn({ model: 'hinge', aggressiveness: AGGRESSIVENESS_GRID[0] });
  const C = first.labels.length;
  const hinge = new Map(AGGRESSIVENESS_GRID.map((aggressiveness, i) => [aggressiveness, i ? fitOn({ model: 'hinge', aggressiveness }) : first]));
  const softmax = fitOn({ model: 'log', aggressiveness: 0 });
  const classOf = new Map(first.labels.map((c, i) => [c, i]));
  const fitYs = fitLabels.map((l) => classOf.get(l)!);
  const held = [...known, ...unknown];
  const nb = naiveBayesWeights(fitXs, fitYs, first.vocab.terms.length, first.labels.length);
  const naive = new TextClassifier(first.labels, first.vocab, nb, new Float32Array(first.labels.length), first.features);
  const heldBack = held.map((n) => ({ x: first.vector(texts[n]), gold: classOf.get(labels[n]) ?? -1 }));
  const naiveScores = heldBack.map(({ x }) => naive.scores(x));
  // the dense softmax: trained once, added at scoring time with each weight of the grid
  const vectors = options.docVectors;
  const docOf = (t: string) => docVector(vectors!, featureCounts(t, first.features), first.vocab);
  const denseModel = vectors ? trainDenseSoftmax(fitTexts.map(docOf), fitYs, C) : undefined;
  const denseHeld = denseModel ? held.map((n) => denseScores(denseModel, docOf(texts[n]))) : [];
  const denseGrid = denseModel ? DENSE_GRID : [0];
  const tried: (Pick<Tuned, 'model' | 'aggressiveness' | 'nb' | 'dense'> & { score: number; scored: Scored[] })[] = [];
  for (const { model, aggressiveness } of CANDIDATES) {
    const linear = model === 'log' ? softmax : model === 'hinge' ? hinge.get(aggressiveness)! : sumModels(hinge.get(aggressiveness)!, softmax);
    // as train adds them: naive Bayes scaled to the linear model's RMS, times its weight
    const kn = rms(linear.weights) / rms(nb);
    const kd = denseModel ? rms(linear.weights) / rms(denseModel.weights) : 0;
    const candidate = heldBack.map(({ x, gold }, i) => ({ gold, a: linear.scores(x), b: naiveScores[i], d: denseHeld[i] }));
    for (const w of NB_GRID)
      for (const dw of denseGrid) {
        const scored = candidate.map(({ gold, a, b, d }) => {
          let top = 0;
          let max = -Infinity;
          for (let c = 0; c < a.length; c++) {
            const s = a[c] + w * b[c] * kn + (dw ? dw * d[c] * kd : 0);
            if (s > max) [max, top] = [s, c];
          }
          return { top: max, right: top === gold, unknown: gold < 0 };
        });
        const score = scored.filter((s) => s.right).length / known.length;
        tried.push({ model, aggressiveness, nb: w, dense: dw, score, scored });
      }
  }
  // the least naive Bayes (then the first candidate) within half a standard error of the best: a
  // difference of a few held-back texts is chance, and the plain model is the safer bet; then, for
  // that model, the weight of the dense softmax that scores best (the least on a tie)
  const top = Math.max(...tried.map((t) => t.score));
  const tolerance = 0.5 * Math.sqrt((top * (1 - top)) / known.length);
  const chosen = [...tried].sort((a, b) => a.nb - b.nb).find((t) => t.score >= top - tolerance)!;
  const best = tried
    .filter((t) => t.model === chosen.model && t.aggressiveness === chosen.aggressiveness && t.nb === chosen.nb)
    .reduce((a, b) => (b.score > a.score ? b : a));
  return { model: best.model, aggressiveness: best.aggressiveness, nb: best.nb, dense: best.dense, unknownBelow: unknown.length ? unknownThreshold(best.scored, UNKNOWN_WEIGHT) : -Infinity };
}

/**
 * The top score below which texts are called unknown that maximises the share of known texts kept
 * and labelled right plus `weight` × the share of unknown texts rejected.
 */
export function unknownThreshold(scored: Scored[], weight: number): number {
  const nKnown = scored.filter((s) => !s.unknown).length || 1;
  const nUnknown = scored.filter((s) => s.unknown).length || 1;
  const sorted = [...scored].sort((p, q) => p.top - q.top);
  // threshold just above sorted[i].top rejects sorted[0..i]
  let gain = scored.filter((s) => s.right && !s.unknown).length / nKnown;
  let best = { gain, at: -Infinity };
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    if (s.unknown) gain += weight / nUnknown;
    else if (s.right) gain -= 1 / nKnown;
    if ((i + 1 === sorted.length || sorted[i + 1].top > s.top) && gain > best.gain) best = { gain, at: i + 1 < sorted.length ? (s.top + sorted[i + 1].top) / 2 : s.top + 1e-6 };
  }
  return best.at;
}

/** Tunes on the texts, then trains on all of them with the settings found. */
export function trainTuned(texts: string[], labels: string[], options: Partial<TrainOptions> = {}): { model: TextClassifier; tuned: Tuned } {
  // word vectors from all the texts (no labels), for the dense softmax; learnt once for tuning and training
  const o = { ...options, docVectors: options.docVectors ?? learnDocVectors(texts) };
  const tuned = tune(texts, labels, o);
  const m = train(texts, labels, { ...o, ...settingsOf(tuned) });
  return { model: m.withUnknownBelow(tuned.unknownBelow), tuned };
}
