import type { Queryable } from '../../platform/db/database';
import { statsOf, withTotals } from './corpus-stats';
import { splitTokens } from './doc-terms';
import { hanGrams } from './han-grams';
import { highlightAll, snippet } from './highlight';
import { applies, correctable, pickCorrections, planQuery, planTerms, withTitleGrams, planTsQuery, planTsQueryGroups, terms, typoCandidates, type QueryGroup, type TermStats } from './query-plan';
import { queryTerms, scoreDoc, storedCounts, type QueryTerms } from './rank-core';
import { searchRepository, type CandidateRow, type Filters } from './search-repository';
import type { SearchHit, SearchInput, SearchResult } from './search-types';

const MIN_CANDIDATES = 100;

const countsOf = (r: CandidateRow, terms: QueryTerms) =>
  storedCounts(
    { titleTokens: splitTokens(r.title_tokens), titleGrams: hanGrams(r.title), tagTokens: r.tag_tokens, bodyTokens: r.body_tokens, linkTokens: r.link_tokens, bodyLength: r.body_length, linkLength: r.link_length },
    terms,
  );

/**
 * `total` beyond the candidates fetched: estimated from the term counts (all words: the rarest word's
 * count; any: the sum), not counted — counting every match of a common word costs more than the search.
 */
function estimate(groups: QueryGroup[], stats: TermStats, mode: 'all' | 'any', atLeast: number): number {
  const reach = groups.map((g) => g.alternatives.reduce((n, a) => n + Math.min(...a.terms.map((t) => stats.df(t))), 0));
  const n = mode === 'all' ? Math.min(...reach) : reach.reduce((x, y) => x + y, 0);
  return Math.max(atLeast, Math.min(n, stats.docs));
}

/**
 * The one knowledge search (console, portal, agent suggestions): the tenant's synonyms and typo
 * corrections expand the query; PostgreSQL finds candidates through the weighted tsvector (articles
 * with all the query's words, then any of them when those are too few); the ranking core orders them.
 * Runs in the caller's tenant transaction.
 */
export async function searchArticles(q: Queryable, input: SearchInput): Promise<SearchResult> {
  const limit = Math.min(50, Math.max(1, Math.floor(input.limit ?? 10)));
  const offset = Math.max(0, Math.floor(input.offset ?? 0));
  const typoWords = terms(input.query).filter(correctable);
  // one round trip for the synonym rules and the counts of the query's own words; a second only for
  // the words a synonym adds and, for an English word the tenant's articles lack, its candidate
  // spellings (hundreds per word)
  const bare = withTitleGrams(planQuery(input.query), input.query);
  const counted = withTotals([...planTerms(bare), ...typoWords]);
  const { rules: synonyms, counts } = await searchRepository.rulesAndCounts(q, counted);
  const lower = input.query.toLowerCase();
  const planned = synonyms.some((r) => applies(r.term, lower)) ? withTitleGrams(planQuery(input.query, { synonyms }), input.query) : bare;
  const unknown = typoWords.filter((w) => !counts.has(w));
  const seen = new Set(counted);
  const more = [...planTerms(planned).filter((t) => !seen.has(t)), ...unknown.flatMap(typoCandidates)];
  if (more.length > 0) for (const [t, n] of await searchRepository.termCounts(q, more)) counts.set(t, n);
  const stats = statsOf(counts);
  const corrections = new Map(unknown.map((w) => [w, pickCorrections(w, stats.df)]));
  // planned again only when an English word may carry a correction
  const groups = unknown.length === 0 ? planned : withTitleGrams(planQuery(input.query, { synonyms, corrections }), input.query);
  if (groups.length === 0) return { hits: [], total: 0, terms: [] };

  const f: Filters = { public: input.audience === 'public', organizationId: input.organizationId ?? null, categoryId: input.categoryId ?? null };
  const want = offset + limit;
  const cap = Math.max(MIN_CANDIDATES, want * 2);
  const all = planTsQuery(groups, 'all', stats);
  let rows: CandidateRow[] = all ? await searchRepository.candidates(q, all, f, cap) : [];
  let total = rows.length < cap ? rows.length : estimate(planTsQueryGroups(groups, 'all', stats), stats, 'all', cap);
  if (rows.length < want) {
    const any = planTsQuery(groups, 'any', stats);
    const seen = new Set(rows.map((r) => r.article_id));
    const more = await searchRepository.candidates(q, any, f, cap);
    rows = [...rows, ...more.filter((r) => !seen.has(r.article_id))];
    total = more.length < cap ? rows.length : Math.max(rows.length, estimate(planTsQueryGroups(groups, 'any', stats), stats, 'any', cap));
  }
  const wanted = queryTerms(planTerms(groups));
  const ranked = rows
    .map((r) => ({ r, ...scoreDoc(groups, countsOf(r, wanted), stats, { helpful: r.helpful, notHelpful: r.not_helpful }) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || (a.r.article_id < b.r.article_id ? -1 : 1));
  const page = ranked.slice(offset, offset + limit);
  const bodies = page.length ? await searchRepository.bodies(q, page.map(({ r }) => r.article_id)) : new Map<string, string>();
  const hits: SearchHit[] = page.map(({ r, score, matched }) => ({
    articleId: r.article_id,
    title: r.title,
    titleHtml: highlightAll(r.title, matched),
    snippet: snippet(bodies.get(r.article_id) ?? '', matched),
    categoryId: r.category_id,
    tags: r.tags,
    score: Math.round(score * 1000) / 1000,
    updatedAt: r.updated_at,
  }));
  return { hits, total, terms: planTerms(groups) };
}
