import type { CorpusStats } from './rank-core';

// The totals kept in kb_search_terms beside the words (no token is empty or starts with a space).
export const DOCS_TERM = '';
export const BODY_TOKENS_TERM = ' tokens';
export const TITLE_TOKENS_TERM = ' titles';
export const LINK_TOKENS_TERM = ' links';

export type LoadedStats = CorpusStats & { counts: Map<string, number> };

/** The terms to count for corpus statistics of `terms`: they and the totals. */
export const withTotals = (terms: string[]) => [...terms, DOCS_TERM, TITLE_TOKENS_TERM, BODY_TOKENS_TERM, LINK_TOKENS_TERM];

/** Corpus statistics from counts read with withTotals(terms). */
export function statsOf(counts: Map<string, number>): LoadedStats {
  const docs = Math.max(1, counts.get(DOCS_TERM) ?? 0);
  return {
    docs,
    df: (t) => counts.get(t) ?? 0,
    avgTitle: (counts.get(TITLE_TOKENS_TERM) ?? 0) / docs,
    avgBody: (counts.get(BODY_TOKENS_TERM) ?? 0) / docs,
    avgLinks: (counts.get(LINK_TOKENS_TERM) ?? 0) / docs,
    counts,
  };
}
