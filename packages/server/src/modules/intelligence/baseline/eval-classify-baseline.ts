import { readLabelled, scoreLabels, type EvalClassifyInput, type EvalClassifyResult } from '../classify/eval-classify';
import { round } from '../similarity/eval-retrieve';
import { fitTfidfSoftmax } from './tfidf-softmax';

// `gongdan eval classify --baseline`: the plain TF-IDF softmax regression on the same files, printed
// as a second JSON line with "system":"baseline".

/** The product's figures (no stored model here: its vocabulary size instead), marked as the baseline's. */
export type ClassifyBaselineResult = Omit<EvalClassifyResult, 'model_bytes'> & { system: 'baseline'; model: 'tfidf-softmax'; vocabulary: number };

export function evalClassifyBaseline(input: Omit<EvalClassifyInput, 'options'>): ClassifyBaselineResult {
  const tr = readLabelled(input.train, input.textColumns, input.labelColumn, input.header);
  const te = readLabelled(input.test, input.textColumns, input.labelColumn, input.header);
  const t0 = performance.now();
  const model = fitTfidfSoftmax(tr.texts, tr.labels);
  const trainSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const predicted = te.texts.map((t) => model.classify(t));
  const ms = te.texts.length ? (performance.now() - t1) / te.texts.length : 0;
  const { accuracy, macroF1 } = scoreLabels(te.labels, predicted);
  return {
    task: 'classify',
    system: 'baseline',
    model: 'tfidf-softmax',
    train_items: tr.texts.length,
    test_items: te.texts.length,
    classes: model.labels.length,
    accuracy: round(accuracy, 4),
    macro_f1: round(macroF1, 4),
    train_seconds: round(trainSeconds, 2),
    ms_per_item: round(ms, 3),
    vocabulary: model.vocabulary,
  };
}
