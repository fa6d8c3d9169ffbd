import { readFileSync } from 'node:fs';
import { labelledTable, parseCsv } from './csv';
import type { TrainOptions } from './model';
import { scoreUnknown, type UnknownScores } from './score-unknown';
import { trainTuned } from './tune';
import { deserializeModel, serializeModel } from './serialize';

export interface EvalClassifyInput {
  train: string;
  test: string;
  textColumns: string[];
  labelColumn: string;
  header: boolean;
  options?: Partial<TrainOptions>;
  /** Test items with this label are out of scope: the model is trained without them and answers it when it finds a text unlike everything */
  unknownLabel?: string;
}

export interface EvalClassifyResult {
  task: 'classify';
  train_items: number;
  test_items: number;
  classes: number;
  accuracy: number;
  macro_f1: number;
  train_seconds: number;
  ms_per_item: number;
  model_bytes: number;
}

export type EvalClassifyUnknownResult = EvalClassifyResult & { unknown_label: string } & UnknownScores;

export function readLabelled(file: string, textColumns: string[], labelColumn: string, header: boolean) {
  return labelledTable(parseCsv(readFileSync(file, 'utf8')), textColumns, labelColumn, header);
}

/**
 * Trains on one file, serialises the model (its size is reported) and tests the model read back
 * from those bytes, so the figures are those of the stored, quantised model.
 */
export function evalClassify(input: EvalClassifyInput): EvalClassifyResult | EvalClassifyUnknownResult {
  const all = readLabelled(input.train, input.textColumns, input.labelColumn, input.header);
  const unknown = input.unknownLabel;
  const tr = unknown === undefined ? all : { texts: all.texts.filter((_, i) => all.labels[i] !== unknown), labels: all.labels.filter((l) => l !== unknown) };
  const te = readLabelled(input.test, input.textColumns, input.labelColumn, input.header);
  const t0 = performance.now();
  const trained = trainTuned(tr.texts, tr.labels, input.options).model;
  const bytes = serializeModel(trained);
  const trainSeconds = (performance.now() - t0) / 1000;
  const model = deserializeModel(bytes);
  const t1 = performance.now();
  const predicted = te.texts.map((t) => {
    if (unknown === undefined) return model.classify(t);
    const s = model.scores(model.vector(t));
    return model.isUnknown(s) ? unknown : model.labels[s.indexOf(Math.max(...s))];
  });
  const ms = te.texts.length ? (performance.now() - t1) / te.texts.length : 0;
  const { accuracy, macroF1 } = scoreLabels(te.labels, predicted);
  const result: EvalClassifyResult = {
    task: 'classify',
    train_items: tr.texts.length,
    test_items: te.texts.length,
    classes: model.labels.length,
    accuracy: round(accuracy, 4),
    macro_f1: round(macroF1, 4),
    train_seconds: round(trainSeconds, 2),
    ms_per_item: round(ms, 3),
    model_bytes: bytes.length,
  };
  if (unknown === undefined) return result;
  const u = scoreUnknown(te.labels, predicted, unknown);
  return { ...result, unknown_label: unknown, oos_recall: round(u.oos_recall, 4), oos_precision: round(u.oos_precision, 4), in_scope_accuracy: round(u.in_scope_accuracy, 4) };
}

/** Accuracy and macro F1 over the classes present in the gold labels or the predictions. */
export function scoreLabels(gold: string[], predicted: string[]): { accuracy: number; macroF1: number } {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let right = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (p === g) {
      right++;
      inc(tp, g);
    } else {
      inc(fp, p);
      inc(fn, g);
    }
  });
  const classes = new Set([...gold, ...predicted]);
  let f1 = 0;
  for (const c of classes) {
    const t = tp.get(c) ?? 0;
    const denom = 2 * t + (fp.get(c) ?? 0) + (fn.get(c) ?? 0);
    f1 += denom ? (2 * t) / denom : 0;
  }
  return { accuracy: gold.length ? right / gold.length : 0, macroF1: classes.size ? f1 / classes.size : 0 };
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
