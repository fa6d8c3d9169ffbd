import { Bm25Baseline } from './bm25-baseline';
import { MemoryKb, type MemoryDoc } from './memory-kb';
import type { SynonymRule } from './query-plan';

// `gongdan eval retrieve`: question → article retrieval measured with the knowledge search itself
// (MemoryKb: the query plan and ranking core of searchArticles), optionally beside plain BM25.
// recall@k: relevant ids in the first k over min(k, relevant ids); MRR: 1 / rank of the first relevant
// id within the 50 the search returns (its page limit), 0 when none; both averaged over queries.

export interface KbEvalInput {
  corpus: MemoryDoc[];
  queries: { text: string; relevant: string[] }[];
  synonyms?: SynonymRule[];
  baseline?: 'bm25';
}

export interface KbEvalResult {
  task: 'retrieve';
  /** Only on the baseline's line, as on every `gongdan eval … --baseline`. */
  system?: 'baseline';
  engine: 'kb' | 'bm25';
  corpus_items: number;
  links: number;
  queries: number;
  recall_at_1: number;
  recall_at_5: number;
  mrr: number;
  ms_per_query: number;
}

export function evalKbRetrieve(input: KbEvalInput): KbEvalResult[] {
  const links = input.corpus.reduce((n, d) => n + (d.links?.length ?? 0), 0);
  const engines: [KbEvalResult['engine'], { search(q: string, limit: number): { id: string }[] }][] = [['kb', new MemoryKb(input.corpus, input.synonyms)]];
  if (input.baseline === 'bm25') engines.push(['bm25', new Bm25Baseline(input.corpus)]);
  return engines.map(([engine, index]) => {
    const t0 = performance.now();
    const ranked = input.queries.map((q) => index.search(q.text, 50).map((h) => h.id));
    const ms = (performance.now() - t0) / Math.max(1, input.queries.length);
    let r1 = 0;
    let r5 = 0;
    let rr = 0;
    ranked.forEach((ids, i) => {
      const g = new Set(input.queries[i].relevant);
      const at = (k: number) => ids.slice(0, k).filter((id) => g.has(id)).length / Math.min(k, g.size);
      r1 += at(1);
      r5 += at(5);
      const first = ids.findIndex((id) => g.has(id));
      if (first >= 0) rr += 1 / (first + 1);
    });
    const n = Math.max(1, input.queries.length);
    return { task: 'retrieve', ...(engine === 'bm25' ? { system: 'baseline' as const } : {}), engine, corpus_items: input.corpus.length, links, queries: input.queries.length, recall_at_1: round(r1 / n), recall_at_5: round(r5 / n), mrr: round(rr / n), ms_per_query: Math.round(ms * 1000) / 1000 };
  });
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;
