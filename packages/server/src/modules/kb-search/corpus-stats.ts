import type { Queryable } from '../../platform/db/database';
import type { CorpusStats } from './rank-core';
import { searchRepository } from './search-repository';

// The totals kept in kb_search_terms beside the words (no token is empty or starts with a space).
export const DOCS_TERM = '';
export const BODY_TOKENS_TERM = ' tokens';
export const TITLE_TOKENS_TERM = ' titles';
export const LINK_TOKENS_TERM = ' links';

/** The tenant's corpus statistics for the given terms: one indexed lookup. */
export async function loadStats(q: Queryable, terms: string[]): Promise<CorpusStats & { counts: Map<string, number> }> {
  const counts = await searchRepository.termCounts(q, [...terms, DOCS_TERM, TITLE_TOKENS_TERM, BODY_TOKENS_TERM, LINK_TOKENS_TERM]);
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
