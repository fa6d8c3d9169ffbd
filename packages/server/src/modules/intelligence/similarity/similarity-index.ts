import { SIMILARITY_FEATURES, WORD_WEIGHT, cosine, textTerms, type IdfSource, type TextTerms } from './text-terms';
import type { FeatureOptions } from '../classify/features';

// An in-memory inverted index over word and character n-gram terms. Built for a few thousand
// texts (open tickets, solved tickets, knowledge articles) searched in a millisecond or two: a
// query touches only the postings of its own terms.
//
// IDF comes from the indexed texts themselves and changes as texts are added, so document norms
// are recomputed lazily, once, on the first search after a change.

export type Scoring = 'cosine' | 'bm25';

export interface IndexOptions {
  /** 'cosine' (TF-IDF, the default: 0..1 and measured better on our sets) or 'bm25' (query-normalised). */
  scoring: Scoring;
  features: FeatureOptions;
  /** BM25 parameters. */
  k1: number;
  b: number;
}

export const DEFAULT_INDEX: IndexOptions = { scoring: 'cosine', features: SIMILARITY_FEATURES, k1: 1.2, b: 0.75 };

export interface SearchHit {
  id: string;
  score: number;
}

interface Posting {
  docs: number[];
  /** Raw term frequency in that text. */
  tfs: number[];
}

export class SimilarityIndex implements IdfSource {
  readonly options: IndexOptions;
  private readonly termIds = new Map<string, number>();
  private readonly isChar: boolean[] = [];
  private readonly df: number[] = [];
  private readonly postings: Posting[] = [];
  private readonly ids: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly docTerms: { term: Int32Array; tf: Float64Array }[] = [];
  private readonly alive: boolean[] = [];
  private live = 0;
  private dirty = true;
  private idfs = new Float64Array(0);
  private norms = new Float64Array(0); // [word, char] per doc: inverse cosine norms or BM25 lengths
  private avgLen: [number, number] = [1, 1];
  private acc = new Float64Array(0); // search accumulator, kept between searches and left zeroed
  private tfw = Float64Array.from({ length: 64 }, (_, tf) => (tf > 0 ? 1 + Math.log(tf) : 0)); // sublinear tf by tf

  constructor(docs: Iterable<{ id: string; text: string }> = [], options: Partial<IndexOptions> = {}) {
    this.options = { ...DEFAULT_INDEX, ...options };
    for (const d of docs) this.add(d.id, d.text);
  }

  get size(): number {
    return this.live;
  }

  has(id: string): boolean {
    return this.slots.has(id);
  }

  /** Adds a text; an id already present is replaced. */
  add(id: string, text: string): void {
    this.remove(id);
    const t = textTerms(text, this.options.features);
    const slot = this.ids.length;
    const terms: number[] = [];
    const tfs: number[] = [];
    const put = (m: ReadonlyMap<string, number>, char: boolean) => {
      for (const [k, tf] of m) {
        let id = this.termIds.get(k);
        if (id === undefined) {
          id = this.df.length;
          this.termIds.set(k, id);
          this.df.push(0);
          this.isChar.push(char);
          this.postings.push({ docs: [], tfs: [] });
        }
        this.df[id]++;
        while (tf >= this.tfw.length) this.tfw = Float64Array.from({ length: this.tfw.length * 2 }, (_, i) => (i > 0 ? 1 + Math.log(i) : 0));
        this.postings[id].docs.push(slot);
        this.postings[id].tfs.push(tf);
        terms.push(id);
        tfs.push(tf);
      }
    };
    put(t.word, false);
    put(t.char, true);
    this.ids.push(id);
    this.slots.set(id, slot);
    this.docTerms.push({ term: Int32Array.from(terms), tf: Float64Array.from(tfs) });
    this.alive.push(true);
    this.live++;
    this.dirty = true;
  }

  /** Removes a text (its postings stay, skipped, until the index is rebuilt). */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    this.slots.delete(id);
    this.alive[slot] = false;
    for (const t of this.docTerms[slot].term) this.df[t]--;
    this.live--;
    this.dirty = true;
    return true;
  }

  /** IDF of a term ("w:…" / "c:…") over the live texts; unseen terms weigh the most. */
  idf(term: string): number {
    const id = this.termIds.get(term);
    return this.idfOf(id === undefined ? 0 : this.df[id]);
  }

  private idfOf(df: number): number {
    const n = this.live;
    return this.options.scoring === 'bm25' ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : Math.log((1 + n) / (1 + df)) + 1;
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.idfs = Float64Array.from(this.df, (d) => this.idfOf(d));
    const norms = new Float64Array(this.ids.length * 2);
    const total = [0, 0];
    for (let s = 0; s < this.ids.length; s++) {
      if (!this.alive[s]) continue;
      const { term, tf } = this.docTerms[s];
      for (let j = 0; j < term.length; j++) {
        const block = this.isChar[term[j]] ? 1 : 0;
        if (this.options.scoring === 'bm25') norms[2 * s + block] += tf[j];
        else {
          const w = (1 + Math.log(tf[j])) * this.idfs[term[j]];
          norms[2 * s + block] += w * w;
        }
      }
      // Cosine keeps the inverse norm, so the search multiplies instead of dividing.
      if (this.options.scoring === 'cosine') for (const b of [0, 1]) norms[2 * s + b] = norms[2 * s + b] > 0 ? 1 / Math.sqrt(norms[2 * s + b]) : 0;
      else for (const b of [0, 1]) total[b] += norms[2 * s + b];
    }
    this.norms = norms;
    this.avgLen = [Math.max(1, total[0] / Math.max(1, this.live)), Math.max(1, total[1] / Math.max(1, this.live))];
    this.dirty = false;
  }

  /** The k best texts for a query, best first, scores 0..1; texts sharing no term are not returned. */
  search(text: string, k = 10, filter?: (id: string) => boolean): SearchHit[] {
    return this.searchTerms(textTerms(text, this.options.features), k, filter);
  }

  searchTerms(q: TextTerms, k = 10, filter?: (id: string) => boolean): SearchHit[] {
    this.refresh();
    const n = this.ids.length;
    if (this.acc.length < n) this.acc = new Float64Array(Math.max(n, 2 * this.acc.length));
    const acc = this.acc;
    const bm25 = this.options.scoring === 'bm25';
    const { k1, b } = this.options;
    // First pass: the query's weights and norms, so that the second pass adds each posting's final
    // contribution into one accumulator (word and character blocks already scaled and weighted).
    const terms: { id: number; qw: number; block: number }[] = [];
    const qnorm = [0, 0];
    for (const [m, block] of [
      [q.word, 0],
      [q.char, 1],
    ] as const) {
      for (const [key, qtf] of m) {
        const id = this.termIds.get(key);
        const idf = id === undefined ? this.idfOf(0) : this.idfs[id];
        // BM25 is normalised by the query's own idf mass, so a full match of a short text scores ~1.
        const qw = bm25 ? idf : (1 + Math.log(qtf)) * idf;
        qnorm[block] += bm25 ? idf : qw * qw;
        if (id !== undefined) terms.push({ id, qw: bm25 ? idf : qw * idf, block });
      }
    }
    const scale = qnorm.map((v, block) => (v > 0 ? (block === 0 ? WORD_WEIGHT : 1 - WORD_WEIGHT) / (bm25 ? v : Math.sqrt(v)) : 0));
    const touched: number[] = [];
    const norms = this.norms;
    for (const { id, qw, block } of terms) {
      const c = qw * scale[block];
      if (c === 0) continue;
      const p = this.postings[id];
      const docs = p.docs;
      const tfs = p.tfs;
      const avg = this.avgLen[block];
      for (let j = 0; j < docs.length; j++) {
        const s = docs[j];
        const tf = tfs[j];
        const v = bm25 ? (c * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * norms[2 * s + block]) / avg)) : c * this.tfw[tf] * norms[2 * s + block];
        if (acc[s] === 0) touched.push(s);
        acc[s] += v;
      }
    }
    const hits: SearchHit[] = [];
    for (const s of touched) {
      const score = acc[s];
      acc[s] = 0;
      if (!this.alive[s]) continue;
      const id = this.ids[s];
      if (filter && !filter(id)) continue;
      hits.push({ id, score: Math.min(1, score) });
    }
    return topK(hits, k);
  }

  /** Similarity of two texts, 0..1, weighted with this index's IDF (see similarity()). */
  similarity(a: string, b: string): number {
    const ta = textTerms(a, this.options.features);
    const tb = textTerms(b, this.options.features);
    return WORD_WEIGHT * cosine(ta.word, tb.word, this) + (1 - WORD_WEIGHT) * cosine(ta.char, tb.char, this);
  }
}

/** Best k by score, ties by id so results are stable. */
function topK(hits: SearchHit[], k: number): SearchHit[] {
  const cmp = (x: SearchHit, y: SearchHit) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  if (hits.length <= k * 4) return hits.sort(cmp).slice(0, k);
  // Partial selection: keep a sorted buffer of k; most hits fall below its floor at once.
  const best: SearchHit[] = [];
  for (const h of hits) {
    if (best.length === k && cmp(h, best[k - 1]) >= 0) continue;
    let i = best.length === k ? k - 1 : best.length;
    if (best.length === k) best.pop();
    while (i > 0 && cmp(h, best[i - 1]) < 0) i--;
    best.splice(i, 0, h);
  }
  return best;
}
