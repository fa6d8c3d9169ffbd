import { mulberry32 } from '../../../platform/random';
import { fitTfidfCosinePairs } from '../baseline/tfidf-cosine-pairs';
import { CsvError } from '../classify/csv';
import { readPairs, type LabelledPairs } from './eval-input';
import { round } from './eval-retrieve';
import { fitPairScorer, type PairScorerKind } from './pair-scorer';

export interface EvalPairsInput {
  /** Training pairs; without them the test pairs are cross-validated in `folds` folds. */
  train?: string;
  test: string;
  folds?: number;
  aColumn: string;
  bColumn: string;
  labelColumn: string;
  header: boolean;
  only?: PairScorerKind;
  /** Also the plain TF-IDF cosine baseline, on the same splits. */
  baseline?: boolean;
  seed?: number;
}

export interface EvalPairsResult {
  task: 'pairs';
  system?: 'baseline';
  model?: 'tfidf-cosine';
  folds?: number;
  train_items: number;
  test_items: number;
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  train_seconds: number;
  model_bytes?: number;
  ms_per_pair: number;
}

interface Split {
  train: LabelledPairs;
  test: LabelledPairs;
}

interface Fitted {
  threshold: number;
  bytes?: number;
  kind?: PairScorerKind;
  candidates?: Partial<Record<PairScorerKind, number>>;
  score(a: string, b: string): number;
}

const subset = (p: LabelledPairs, idx: number[]): LabelledPairs => ({ a: idx.map((i) => p.a[i]), b: idx.map((i) => p.b[i]), labels: idx.map((i) => p.labels[i]) });

/** K seeded random folds of the pairs: train on K − 1, test on the one left out. */
export function foldSplits(pairs: LabelledPairs, k: number, seed = 1): Split[] {
  const random = mulberry32(seed);
  const fold = pairs.labels.map(() => Math.floor(random() * k));
  return Array.from({ length: k }, (_, f) => ({
    train: subset(
      pairs,
      fold.flatMap((g, i) => (g === f ? [] : [i])),
    ),
    test: subset(
      pairs,
      fold.flatMap((g, i) => (g === f ? [i] : [])),
    ),
  }));
}

/** Fits on every split's training pairs and scores its test pairs; precision, recall and F1 pooled over the splits. */
function measure(splits: Split[], fit: (train: LabelledPairs) => Fitted, folds: number | undefined) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  let tested = 0;
  let trained = 0;
  let threshold = 0;
  let bytes = 0;
  let trainMs = 0;
  let testMs = 0;
  let last: Fitted | undefined;
  for (const s of splits) {
    const t0 = performance.now();
    const scorer = fit(s.train);
    const t1 = performance.now();
    const predicted = s.test.a.map((a, i) => scorer.score(a, s.test.b[i]) >= scorer.threshold);
    testMs += performance.now() - t1;
    trainMs += t1 - t0;
    predicted.forEach((p, i) => {
      const g = s.test.labels[i];
      if (p && g) tp++;
      else if (p) fp++;
      else if (g) fn++;
      if (p === g) right++;
    });
    tested += predicted.length;
    trained += s.train.labels.length;
    threshold += scorer.threshold;
    bytes += scorer.bytes ?? 0;
    last = scorer;
  }
  const k = splits.length;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const result: EvalPairsResult = {
    task: 'pairs',
    ...(folds ? { folds } : {}),
    train_items: Math.round(trained / k),
    test_items: tested,
    threshold: round(threshold / k, 4),
    precision: round(precision, 4),
    recall: round(recall, 4),
    f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0, 4),
    accuracy: round(right / Math.max(1, tested), 4),
    train_seconds: round(trainMs / k / 1000, 2),
    model_bytes: Math.round(bytes / k),
    ms_per_pair: round(testMs / Math.max(1, tested), 3),
  };
  return { result, last: last! };
}

/**
 * Fits IDF, the scorer and its threshold on the training pairs, then scores the test pairs; with no
 * training file, K-fold cross-validation over the test pairs. With `baseline`, a second result: the
 * plain TF-IDF cosine on the same splits.
 */
export function evalPairs(input: EvalPairsInput): { results: EvalPairsResult[]; warnings: string[]; kind: PairScorerKind; candidates: Partial<Record<PairScorerKind, number>> } {
  const te = readPairs(input.test, input.aColumn, input.bColumn, input.labelColumn, input.header);
  const tr = input.train ? readPairs(input.train, input.aColumn, input.bColumn, input.labelColumn, input.header) : undefined;
  const warnings = [tr?.suspectHeader, te.suspectHeader].filter((w): w is string => w !== undefined);
  for (const [p, file] of [
    [tr ?? te, input.train ?? input.test],
    [te, input.test],
  ] as const) {
    if (!p.labels.includes(true)) throw new CsvError(`${file} has no duplicate pairs (label 1): F1 would be 0 whatever the scorer; check --label`);
    if (!p.labels.includes(false)) throw new CsvError(`${file} has only duplicate pairs (label 1): nothing to tell apart; check --label`);
  }
  const splits = tr ? [{ train: tr, test: te }] : foldSplits(te, input.folds ?? 5, input.seed);
  const folds = input.train ? undefined : (input.folds ?? 5);
  const product = measure(splits, (t) => fitPairScorer(t.a, t.b, t.labels, { only: input.only }), folds);
  const results = [product.result];
  if (input.baseline) {
    const { task, model_bytes: _, ...base } = measure(splits, (t) => fitTfidfCosinePairs(t.a, t.b, t.labels), folds).result;
    results.push({ task, system: 'baseline', model: 'tfidf-cosine', ...base });
  }
  return { results, warnings, kind: product.last.kind!, candidates: product.last.candidates ?? {} };
}
