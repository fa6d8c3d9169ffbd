import { featureCounts, type FeatureOptions } from '../classify/features';

// The terms a text is matched on: jieba words (Chinese) and Latin words, plus character n-grams
// so that 打不出来 still meets 打印 and "printer" meets "printers". Short n-grams only: one- and
// two-character Han grams are what Chinese retrieval relies on (longer ones are mostly covered by
// the jieba words and only add noise and time).

export const SIMILARITY_FEATURES: FeatureOptions = { wordNgrams: 1, cjkChar: [1, 2], latinChar: [3, 4], charWeight: 1 };

/** Term counts of one text, in two blocks: "w:" words and "c:" character n-grams. Shared: never changed. */
export interface TextTerms {
  readonly word: ReadonlyMap<string, number>;
  readonly char: ReadonlyMap<string, number>;
}

/**
 * The similarity terms of the texts seen last, by text: a ticket page compares its ticket with up
 * to 200 others, mostly the same recent tickets from one page to the next, and segmenting them is
 * most of its time. Bounded by the number of terms held (about 50 bytes each).
 */
const cache = new Map<string, TextTerms>();
const CACHE_TERMS = 400_000;
const CACHEABLE_CHARS = 4_000;
let cachedTerms = 0;
const termCount = (t: TextTerms) => t.word.size + t.char.size;

export function textTerms(text: string, o: FeatureOptions = SIMILARITY_FEATURES): TextTerms {
  if (o !== SIMILARITY_FEATURES || text.length > CACHEABLE_CHARS) return featureCounts(text, o);
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text); // most recently used last
    cache.set(text, hit);
    return hit;
  }
  const t = featureCounts(text, o);
  cache.set(text, t);
  cachedTerms += termCount(t);
  for (const [k, old] of cache) {
    if (cachedTerms <= CACHE_TERMS) break;
    cache.delete(k);
    cachedTerms -= termCount(old);
  }
  return t;
}

/** Anything that gives an inverse document frequency for a term ("w:…" or "c:…"). */
export interface IdfSource {
  idf(term: string): number;
}

/**
 * Document frequencies of a corpus. idf = ln((1 + n) / (1 + df)) + 1, so a term never seen gets
 * the highest weight (a rare word in a new ticket is informative) and no term gets zero.
 */
export class TermStats implements IdfSource {
  readonly df = new Map<string, number>();
  n = 0;

  static of(texts: Iterable<string>, o: FeatureOptions = SIMILARITY_FEATURES): TermStats {
    const s = new TermStats();
    for (const t of texts) s.add(textTerms(t, o));
    return s;
  }

  add(t: TextTerms): void {
    this.n++;
    for (const k of t.word.keys()) this.df.set(k, (this.df.get(k) ?? 0) + 1);
    for (const k of t.char.keys()) this.df.set(k, (this.df.get(k) ?? 0) + 1);
  }

  idf(term: string): number {
    return Math.log((1 + this.n) / (1 + (this.df.get(term) ?? 0))) + 1;
  }
}

/** Without corpus statistics every term weighs the same. */
export const FLAT_IDF: IdfSource = { idf: () => 1 };

/** Cosine of two term-count maps under sublinear TF × IDF. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, stats: IdfSource): number {
  let na = 0;
  let nb = 0;
  let dot = 0;
  for (const [k, tf] of a) {
    const idf = stats.idf(k);
    const wa = (1 + Math.log(tf)) * idf;
    na += wa * wa;
    const tb = b.get(k);
    if (tb !== undefined) dot += wa * (1 + Math.log(tb)) * idf;
  }
  for (const [k, tf] of b) {
    const wb = (1 + Math.log(tf)) * stats.idf(k);
    nb += wb * wb;
  }
  return na > 0 && nb > 0 ? Math.min(1, dot / Math.sqrt(na * nb)) : 0;
}

/** Weight of the word block in the combined score; the character block has the rest. */
export const WORD_WEIGHT = 0.5;

/**
 * Similarity of two texts, 0..1: the mean of the word cosine and the character n-gram cosine,
 * TF-IDF weighted with the statistics of a corpus (an index, or TermStats of past tickets).
 */
export function similarity(a: string, b: string, stats: IdfSource = FLAT_IDF): number {
  const ta = textTerms(a);
  const tb = textTerms(b);
  return WORD_WEIGHT * cosine(ta.word, tb.word, stats) + (1 - WORD_WEIGHT) * cosine(ta.char, tb.char, stats);
}
