import type { DocFields } from './doc-terms';
import { isHanGram } from './han-grams';
import type { QueryGroup } from './query-plan';

// The ranking core shared by searchArticles (on candidates PostgreSQL found) and `gongdan eval
// retrieve` (on the whole corpus in memory): BM25F over the fields — a term's frequencies in title,
// tags, body and linked questions are weighted and length-normalised into one frequency, then
// saturated — summed over the query's groups (the best alternative of each), times a coordination
// factor rewarding documents that match more of the query, and a small helpfulness prior.

export interface CorpusStats {
  docs: number;
  /** In how many documents the term occurs. */
  df(term: string): number;
  avgTitle: number;
  avgBody: number;
  avgLinks: number;
}

export interface RankParams {
  k1: number;
  title: number;
  tags: number;
  body: number;
  links: number;
  bTitle: number;
  bBody: number;
  bLinks: number;
  /** How much matching more of the query counts: the score times 1 − coord + coord × coverage². */
  coord: number;
}

// chosen on the dataclue_cic and oppo_xiaobu sets (docs/KNOWLEDGE.md#search): coord 0, k1 2, title 2, bLinks 0.5
export const RANK_PARAMS: RankParams = { k1: 2, title: 2, tags: 2, body: 1, links: 1, bTitle: 0.75, bBody: 0.75, bLinks: 0.5, coord: 0 };

export interface RankedDoc {
  score: number;
  /** The terms of the alternatives that matched (for highlighting). */
  matched: string[];
}

export interface FieldCounts {
  title: Map<string, number>;
  tags: Map<string, number>;
  body: Map<string, number>;
  links: Map<string, number>;
  titleLength: number;
  bodyLength: number;
  linksLength: number;
}

const count = (tokens: string[]) => {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

export const fieldCounts = (f: DocFields): FieldCounts => ({
  title: count([...f.title, ...f.titleGrams]),
  tags: count(f.tags),
  body: count(f.body),
  links: count(f.links),
  titleLength: f.title.length + f.titleGrams.length,
  bodyLength: f.body.length,
  linksLength: f.links.length,
});

/** The terms a query can score (planTerms), and those of them that are words: title pairs are counted in the title only. */
export interface QueryTerms {
  all: ReadonlySet<string>;
  words: ReadonlySet<string>;
}
export const queryTerms = (terms: string[]): QueryTerms => ({ all: new Set(terms), words: new Set(terms.filter((t) => !isHanGram(t))) });

/** How often each of `terms` occurs in a stored field (tokens joined by single spaces), without splitting or copying it. */
function countJoined(joined: string, terms: ReadonlySet<string>): Map<string, number> {
  const m = new Map<string, number>();
  if (!joined) return m;
  for (const t of terms) {
    if (!t) continue; // indexOf('') would find it everywhere, without end
    let n = 0;
    for (let i = joined.indexOf(t); i >= 0; i = joined.indexOf(t, i + 1)) {
      const end = i + t.length;
      if ((i === 0 || joined.charCodeAt(i - 1) === 32) && (end === joined.length || joined.charCodeAt(end) === 32)) n++;
    }
    if (n) m.set(t, n);
  }
  return m;
}

/**
 * The counts scoreDoc needs of one stored document, for the given query terms only: the same score as
 * fieldCounts over the split fields (rank-core.test.ts), without splitting or counting the long fields
 * word by word — the search ranks a hundred candidates per query.
 */
export function storedCounts(d: { titleTokens: string[]; titleGrams: string[]; tagTokens: string; bodyTokens: string; linkTokens: string; bodyLength: number; linkLength: number }, terms: QueryTerms): FieldCounts {
  const title = new Map<string, number>();
  for (const t of [...d.titleTokens, ...d.titleGrams]) if (terms.all.has(t)) title.set(t, (title.get(t) ?? 0) + 1);
  return {
    title,
    tags: countJoined(d.tagTokens, terms.words),
    body: countJoined(d.bodyTokens, terms.words),
    links: countJoined(d.linkTokens, terms.words),
    titleLength: d.titleTokens.length + d.titleGrams.length,
    bodyLength: d.bodyLength,
    linksLength: d.linkLength,
  };
}

export const idf = (stats: CorpusStats, term: string) => {
  const df = Math.min(stats.df(term), stats.docs);
  return Math.log(1 + (stats.docs - df + 0.5) / (df + 0.5));
};

/** Per query, not per document: each term's idf and each group's weight in the coverage (the idf of its first alternative's rarest term). */
interface Prepared {
  stats: CorpusStats;
  idf: Map<string, number>;
  groupIdf: number[];
}
const prepared = new WeakMap<QueryGroup[], Prepared>();
function prepare(groups: QueryGroup[], stats: CorpusStats): Prepared {
  const hit = prepared.get(groups);
  if (hit && hit.stats === stats) return hit;
  const idfs = new Map<string, number>();
  for (const g of groups) for (const a of g.alternatives) for (const t of a.terms) if (!idfs.has(t)) idfs.set(t, idf(stats, t));
  const groupIdf = groups.map((g) => Math.max(...g.alternatives[0].terms.map((t) => idfs.get(t)!), 0.1));
  const out = { stats, idf: idfs, groupIdf };
  prepared.set(groups, out);
  return out;
}

export function scoreDoc(groups: QueryGroup[], doc: FieldCounts, stats: CorpusStats, prior = { helpful: 0, notHelpful: 0 }, p: RankParams = RANK_PARAMS): RankedDoc {
  const { idf: idfOf, groupIdf } = prepare(groups, stats);
  const nt = 1 - p.bTitle + (p.bTitle * doc.titleLength) / Math.max(1, stats.avgTitle);
  const nb = 1 - p.bBody + (p.bBody * doc.bodyLength) / Math.max(1, stats.avgBody);
  const nl = 1 - p.bLinks + (p.bLinks * doc.linksLength) / Math.max(1, stats.avgLinks);
  const termScore = (t: string) => {
    const tf = (p.title * (doc.title.get(t) ?? 0)) / nt + p.tags * (doc.tags.get(t) ?? 0) + (p.body * (doc.body.get(t) ?? 0)) / nb + (p.links * (doc.links.get(t) ?? 0)) / nl;
    return tf > 0 ? (idfOf.get(t)! * tf * (p.k1 + 1)) / (tf + p.k1) : 0;
  };
  let score = 0;
  let want = 0;
  let got = 0;
  let wordHit = false;
  const needWord = groups.some((g) => !g.stop);
  const matched: string[] = [];
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi];
    const gIdf = groupIdf[gi];
    want += gIdf;
    let best = 0;
    let bestAlt: QueryGroup['alternatives'][number] | null = null;
    for (const a of g.alternatives) {
      let sum = 0;
      let hit = 0;
      for (const t of a.terms) {
        const s = termScore(t);
        if (s > 0) (sum += s), hit++;
      }
      if (hit === 0) continue;
      const s = (a.weight * sum * hit) / a.terms.length;
      if (s > best) (best = s), (bestAlt = a);
    }
    if (best > 0 && bestAlt) {
      score += best;
      got += gIdf;
      wordHit ||= !g.stop;
      // 的 / the are not what the reader looked for
      if (!g.stop || !needWord) for (const t of bestAlt.terms) if (termScore(t) > 0) matched.push(t);
    }
  }
  // a document sharing only stop words with the query is no match
  if (score === 0 || (needWord && !wordHit)) return { score: 0, matched: [] };
  const coverage = want > 0 ? got / want : 1;
  const votes = prior.helpful - prior.notHelpful;
  score *= (1 - p.coord + p.coord * coverage * coverage) * (1 + 0.05 * Math.tanh(votes / 5));
  return { score, matched };
}
