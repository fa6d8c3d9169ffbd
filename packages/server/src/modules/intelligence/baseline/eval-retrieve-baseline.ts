import { readKeyed } from '../similarity/eval-input';
import { relevantIds, round, scoreRankings, type EvalRetrieveInput, type EvalRetrieveResult } from '../similarity/eval-retrieve';
import { textTerms } from '../similarity/text-terms';
import { Bm25 } from '../../../platform/text/bm25';

// `gongdan eval retrieve --engine similarity --baseline`: plain BM25 (k1 1.2, b 0.75) over the
// similarity index's words (jieba for Chinese) of the same texts, measured as the index is.

export type RetrieveBaselineResult = EvalRetrieveResult & { system: 'baseline'; model: 'bm25' };

const words = (text: string) => [...textTerms(text).word].flatMap(([w, n]) => Array<string>(n).fill(w));

export function evalRetrieveBaseline(input: Omit<EvalRetrieveInput, 'options'>): RetrieveBaselineResult {
  const corpus = readKeyed(input.corpus, input.textColumn, input.idColumn, input.header);
  const queries = readKeyed(input.queries, input.queryColumn, input.relevantColumn, input.header);
  const index = new Bm25(corpus.texts.map(words));
  const t0 = performance.now();
  const ranked = queries.texts.map((q) => index.search(words(q), 100).map((h) => corpus.keys[h.doc]));
  const ms = (performance.now() - t0) / queries.texts.length;
  const scores = scoreRankings(
    ranked,
    queries.keys.map((cell) => new Set(relevantIds(cell))),
  );
  const n = queries.texts.length;
  return {
    task: 'retrieve',
    system: 'baseline',
    model: 'bm25',
    corpus_items: corpus.texts.length,
    queries: n,
    ...scores,
    ms_per_query: round(ms, 3),
  };
}
