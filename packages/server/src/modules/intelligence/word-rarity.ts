import type { Vocabulary } from './classify/features';
import type { TenantIntelligence } from './analyze-text';

const byVocabulary = new WeakMap<Vocabulary, (word: string) => number>();

/**
 * How rare a word is among the tenant's tickets: its inverse document frequency in the trained
 * models' vocabulary; a word the vocabulary lacks (seen in too few tickets, or never) counts as
 * rarer than any. Undefined before the first training.
 */
export function wordRarity(ti: TenantIntelligence): ((word: string) => number) | undefined {
  const model = ti.models.category ?? ti.models.team ?? ti.models.priority;
  if (!model) return undefined;
  const vocab = model.vocab;
  let rarity = byVocabulary.get(vocab);
  if (!rarity) {
    let max = 0;
    for (const v of vocab.idf) if (v > max) max = v;
    rarity = (word) => {
      const i = vocab.ids.get(`w:${word}`);
      return i === undefined ? max + 1 : vocab.idf[i];
    };
    byVocabulary.set(vocab, rarity);
  }
  return rarity;
}
