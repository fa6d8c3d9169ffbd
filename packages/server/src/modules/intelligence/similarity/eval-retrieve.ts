import { CsvError } from '../classify/csv';
import { readKeyed, requireText } from './eval-input';
import { SimilarityIndex, type IndexOptions } from './similarity-index';

export interface EvalRetrieveInput {
  corpus: string;
  idColumn: string;
  textColumn: string;
  queries: string;
  queryColumn: string;
  relevantColumn: string;
  header: boolean;
  options?: Partial<IndexOptions>;
}

export interface EvalRetrieveResult {
  task: 'retrieve';
  corpus_items: number;
  queries: number;
  recall_at_1: number;
  recall_at_5: number;
  mrr: number;
  ms_per_query: number;
}

/** Splits a relevant-ids cell: "a|b", "a,b" or "a; b". */
export const relevantIds = (cell: string) =>
  cell
    .split(/[|,;]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Indexes the corpus, ranks it for every query. recall@k: relevant ids in the top k over
 * min(k, relevant ids), so one relevant text at rank 1 gives recall@1 = 1 whether or not there are
 * more; MRR: 1 / rank of the first relevant id (0 beyond rank 100). Both averaged over queries.
 */
export function evalRetrieve(input: EvalRetrieveInput): EvalRetrieveResult {
  const corpus = readKeyed(input.corpus, input.textColumn, input.idColumn, input.header);
  const queries = readKeyed(input.queries, input.queryColumn, input.relevantColumn, input.header);
  requireText(corpus.texts, input.corpus, input.textColumn);
  requireText(queries.texts, input.queries, input.queryColumn);
  const index = new SimilarityIndex(
    corpus.keys.map((id, i) => ({ id, text: corpus.texts[i] })),
    input.options,
  );
  const known = new Set(corpus.keys);
  const gold = queries.keys.map((cell, i) => {
    const ids = relevantIds(cell);
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) throw new CsvError(`${input.queries}: query row ${i + 1} names relevant id "${unknown}", which is not in the corpus`);
    return new Set(ids);
  });
  const t0 = performance.now();
  const ranked = queries.texts.map((q) => index.search(q, 100).map((h) => h.id));
  const ms = (performance.now() - t0) / queries.texts.length;
  const scores = scoreRankings(ranked, gold);
  const n = queries.texts.length;
  return {
    task: 'retrieve',
    corpus_items: index.size,
    queries: n,
    ...scores,
    ms_per_query: round(ms, 3),
  };
}

/** recall@1, recall@5 and MRR of ranked ids against the relevant ids of each query, averaged. */
export function scoreRankings(ranked: string[][], gold: Set<string>[]): { recall_at_1: number; recall_at_5: number; mrr: number } {
  let r1 = 0;
  let r5 = 0;
  let rr = 0;
  ranked.forEach((ids, i) => {
    const g = gold[i];
    const hitsAt = (k: number) => ids.slice(0, k).filter((id) => g.has(id)).length / Math.min(k, g.size);
    r1 += hitsAt(1);
    r5 += hitsAt(5);
    const first = ids.findIndex((id) => g.has(id));
    if (first >= 0) rr += 1 / (first + 1);
  });
  const n = Math.max(1, ranked.length);
  return { recall_at_1: round(r1 / n, 4), recall_at_5: round(r5 / n, 4), mrr: round(rr / n, 4) };
}

export const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
