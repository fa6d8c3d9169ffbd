import type { Vocabulary } from './classify/features';
import type { TenantIntelligence } from './analyze-text';

const byVocabulary = new WeakMap<Vocabulary, (word: string) => number>();

const vocabularyOf = (ti: TenantIntelligence) => (ti.models.category ?? ti.models.team ?? ti.models.priority)?.vocab;

/**
 * How rare a word is among the tenant's tickets: its inverse document frequency in the trained
 * models' vocabulary; a word the vocabulary lacks (seen in too few tickets, or never) counts as
 * rarer than any. Undefined before the first training.
 */
export function wordRarity(ti: TenantIntelligence): ((word: string) => number) | undefined {
  const vocab = vocabularyOf(ti);
  if (!vocab) return undefined;
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

/**
 * About which share of the tenant's tickets hold any of the words (the sum of each word's share,
 * from idf = ln((1 + n) / (1 + df)) + 1; words the vocabulary lacks count as none). Undefined
 * before the first training.
 */
export function wordsShare(ti: TenantIntelligence, words: string[]): number | undefined {
  const vocab = vocabularyOf(ti);
  if (!vocab) return undefined;
  let share = 0;
  for (const w of words) {
    const i = vocab.ids.get(`w:${w}`);
    if (i !== undefined) share += Math.exp(1 - vocab.idf[i]);
  }
  return Math.min(1, share);
}
