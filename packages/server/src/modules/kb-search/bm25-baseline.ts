import { Bm25 } from '../../platform/text/bm25';
import { queryTokens } from '../../platform/text/segment';
import type { MemoryDoc } from './memory-kb';

// The baseline `gongdan eval retrieve --baseline bm25` prints beside the knowledge search: plain
// Okapi BM25 (k1 1.2, b 0.75) over jieba's words of the same text (title, body, tags and linked
// questions in one field), no synonyms, no sub-words, no field weights, no stop-word handling.

export class Bm25Baseline {
  private readonly ids: string[] = [];
  private readonly index: Bm25;

  constructor(docs: Iterable<MemoryDoc>, k1 = 1.2, b = 0.75) {
    const terms: string[][] = [];
    for (const d of docs) {
      this.ids.push(d.id);
      terms.push(queryTokens([d.title, d.text, ...(d.tags ?? []), ...(d.links ?? [])].join('\n')));
    }
    this.index = new Bm25(terms, k1, b);
  }

  /** Ids by falling score, ties by id. */
  search(query: string, limit = 50): { id: string; score: number }[] {
    return this.index
      .search(queryTokens(query), this.ids.length)
      .map(({ doc, score }) => ({ id: this.ids[doc], score }))
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }
}
