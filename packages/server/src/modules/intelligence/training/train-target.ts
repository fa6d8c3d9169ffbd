import { scoreLabels } from '../classify/eval-classify';
import type { Vocabulary } from '../classify/features';
import { train } from '../classify/model';
import { learnDocVectors } from '../classify/doc-vectors';
import { settingsOf, tune } from '../classify/tune';
import { serializeModel } from '../classify/serialize';
import { DEFAULT_TEMPERATURE, fitTemperature } from './calibrate';
import { confusionOf, holdOutNewest, trainable, type Example } from './split';

export interface TargetResult {
  classes: string[];
  examples: number;
  heldOut: number;
  accuracy: number | null;
  macroF1: number | null;
  confusion: number[][];
  /** softmax temperature fitted on the held-back tickets */
  temperature: number;
  model: Uint8Array;
}

/**
 * Measures the classifier on the newest held-back share (trained on the older tickets), then trains
 * the stored model on every example (over `vocabulary` when given: the one the tenant's other models
 * share). Null when there is not enough to learn from.
 */
export function trainTarget(examples: Example[], vocabulary?: Vocabulary): TargetResult | null {
  if (!trainable(examples)) return null;
  const { train: older, test } = holdOutNewest(examples);
  const classes = [...new Set(examples.map((e) => e.label))].sort();
  let accuracy: number | null = null;
  let macroF1: number | null = null;
  let confusion = classes.map(() => classes.map(() => 0));
  let temperature = DEFAULT_TEMPERATURE;
  // step size, naive Bayes weight and the "none of these" score, chosen on held-back parts of the examples
  const texts = examples.map((e) => e.text);
  const labels = examples.map((e) => e.label);
  // word vectors learnt from the texts alone (no labels), for the dense softmax (see classify/doc-vectors.ts)
  const docVectors = learnDocVectors(texts);
  const tuned = tune(texts, labels, { vocabulary, docVectors });
  const settings = settingsOf(tuned);
  if (test.length && new Set(older.map((e) => e.label)).size >= 2) {
    const olderTexts = older.map((e) => e.text);
    const probe = train(olderTexts, older.map((e) => e.label), { ...settings, docVectors: tuned.dense ? learnDocVectors(olderTexts) : undefined });
    const gold = test.map((e) => e.label);
    const scored = test.map((e) => probe.predict(e.text, 0));
    const predicted = scored.map((p) => p.label);
    temperature = fitTemperature(scored.map((p, i) => ({ scores: p.scores, gold: gold[i] })));
    ({ accuracy, macroF1 } = scoreLabels(gold, predicted));
    confusion = confusionOf(classes, gold, predicted);
  }
  const model = train(texts, labels, { vocabulary, docVectors, ...settings }).withUnknownBelow(tuned.unknownBelow);
  return { classes, examples: examples.length, heldOut: test.length, accuracy, macroF1, confusion, temperature, model: serializeModel(model) };
}
