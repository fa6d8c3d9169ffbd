import { readPairs } from './eval-input';
import { round } from './eval-retrieve';
import { fitPairScorer, type PairScorerKind } from './pair-scorer';

export interface EvalPairsInput {
  train: string;
  test: string;
  aColumn: string;
  bColumn: string;
  labelColumn: string;
  header: boolean;
  only?: PairScorerKind;
}

export interface EvalPairsResult {
  task: 'pairs';
  train_items: number;
  test_items: number;
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  ms_per_pair: number;
}

/** Fits IDF, the scorer and its threshold on the training pairs, then scores the test pairs. */
export function evalPairs(input: EvalPairsInput): { result: EvalPairsResult; kind: PairScorerKind; candidates: Partial<Record<PairScorerKind, number>> } {
  const tr = readPairs(input.train, input.aColumn, input.bColumn, input.labelColumn, input.header);
  const te = readPairs(input.test, input.aColumn, input.bColumn, input.labelColumn, input.header);
  const scorer = fitPairScorer(tr.a, tr.b, tr.labels, { only: input.only });
  const t0 = performance.now();
  const predicted = te.a.map((a, i) => scorer.score(a, te.b[i]) >= scorer.threshold);
  const ms = (performance.now() - t0) / te.a.length;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  predicted.forEach((p, i) => {
    const g = te.labels[i];
    if (p && g) tp++;
    else if (p) fp++;
    else if (g) fn++;
    if (p === g) right++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    result: {
      task: 'pairs',
      train_items: tr.a.length,
      test_items: te.a.length,
      threshold: round(scorer.threshold, 4),
      precision: round(precision, 4),
      recall: round(recall, 4),
      f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0, 4),
      accuracy: round(right / te.a.length, 4),
      ms_per_pair: round(ms, 3),
    },
    kind: scorer.kind,
    candidates: scorer.candidates,
  };
}
