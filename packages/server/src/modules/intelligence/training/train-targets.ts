import { sharedVocabulary } from '../classify/model';
import { trainTarget, type TargetResult } from './train-target';
import { trainable, type Example } from './split';

/**
 * Trains each target (category, team, priority) of a tenant; the stored models share one vocabulary
 * over all their texts, so a new ticket is vectorised once for all of them.
 */
export function trainTargets<T extends string>(jobs: Record<T, Example[]>): Record<T, TargetResult | null> {
  const trainables = (Object.values(jobs) as Example[][]).filter(trainable);
  const texts = [...new Set(trainables.flatMap((examples) => examples.map((e) => e.text)))];
  const maxClasses = Math.max(1, ...trainables.map((examples) => new Set(examples.map((e) => e.label)).size));
  const vocabulary = texts.length ? sharedVocabulary(texts, maxClasses) : undefined;
  const out = {} as Record<T, TargetResult | null>;
  for (const target of Object.keys(jobs) as T[]) out[target] = trainTarget(jobs[target], vocabulary);
  return out;
}
