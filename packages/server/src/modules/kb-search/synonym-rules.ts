import { AppError } from '../../platform/errors';

/** A rule as stored: trimmed words, no repeats, none equal to the term itself. */
export function cleanRule(term: string, synonyms: string[]): { term: string; synonyms: string[] } {
  const t = term.trim();
  const syn = [...new Set(synonyms.map((s) => s.trim()).filter((s) => s && s.toLowerCase() !== t.toLowerCase()))];
  if (syn.length === 0) throw new AppError('VALIDATION_FAILED', 'A synonym must differ from the word itself', { field: 'synonyms' });
  return { term: t, synonyms: syn };
}

export const termConflict = (term: string) => new AppError('CONFLICT', `Synonyms for "${term}" already exist; change that entry instead`, { field: 'term' });
