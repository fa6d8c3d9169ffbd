import { cutHan } from '../../../platform/text/segment';
import { stem } from './stem';

// Text → sparse feature vector. Chinese first: jieba words and character n-grams over runs of Han
// characters; Latin words split on spaces and punctuation with character n-grams inside each word.


/** NFKC (full-width → half-width letters, digits and punctuation; compatibility forms), lowercase, spaces collapsed. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface FeatureOptions {
  /** Word n-grams: 1 = unigrams, 2 = unigrams and bigrams. */
  wordNgrams: number;
  /** Character n-gram lengths over runs of Han characters. */
  cjkChar: [number, number];
  /** Character n-gram lengths inside Latin words (padded with a space at both ends). */
  latinChar: [number, number];
  /** Weight of the character block against the word block before the final L2 normalisation. */
  charWeight: number;
  /** Also word pairs with one word between them. */
  skipBigrams?: boolean;
  /** Also the light English stem of each Latin word ("~" prefix) when it differs from the word. */
  stems?: boolean;
  /** Unordered word pairs up to this many positions apart ("p:" prefix): co-occurrence regardless of order. */
  pairWindow?: number;
}

export const DEFAULT_FEATURES: FeatureOptions = { wordNgrams: 2, cjkChar: [1, 4], latinChar: [2, 5], charWeight: 1.3 };

const HAN = /\p{Script=Han}/u;
const SEGMENT = /\p{Script=Han}+|[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/** Words of a text: jieba segments the Han runs, other letters and digits split on everything else. */
export function words(normalized: string): string[] {
  const out: string[] = [];
  for (const m of normalized.matchAll(SEGMENT)) {
    const s = m[0];
    if (HAN.test(s[0])) for (const w of cutHan(s)) out.push(w);
    else out.push(s.replace(/’/g, "'"));
  }
  return out;
}

/**
 * Feature counts of one text. Keys are prefixed by their kind: "w:" word, "b:" word bigram,
 * "c:" character n-gram. Two maps so the blocks can be weighted separately.
 */
/** Feature counts of a text, per block. */
export type FeatureCounts = { word: Map<string, number>; char: Map<string, number> };

export function featureCounts(text: string, o: FeatureOptions = DEFAULT_FEATURES): FeatureCounts {
  const norm = normalize(text);
  const word = new Map<string, number>();
  const char = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const ws = words(norm);
  for (let i = 0; i < ws.length; i++) {
    add(word, `w:${ws[i]}`);
    if (o.stems) {
      const st = stem(ws[i]);
      if (st !== ws[i]) add(word, `w:~${st}`);
    }
    if (o.wordNgrams >= 2 && i + 1 < ws.length) add(word, `b:${ws[i]} ${ws[i + 1]}`);
    if (o.wordNgrams >= 3 && i + 2 < ws.length) add(word, `t:${ws[i]} ${ws[i + 1]} ${ws[i + 2]}`);
    if (o.pairWindow)
      for (let k = i + 1; k < ws.length && k <= i + o.pairWindow; k++) add(word, ws[i] < ws[k] ? `p:${ws[i]}|${ws[k]}` : `p:${ws[k]}|${ws[i]}`);
    if (o.skipBigrams && i + 2 < ws.length) add(word, `s:${ws[i]} _ ${ws[i + 2]}`);
  }
  if (o.wordNgrams >= 2 && ws.length > 0) {
    add(word, `b:^ ${ws[0]}`);
  }
  for (const m of norm.matchAll(SEGMENT)) {
    const s = m[0];
    if (HAN.test(s[0])) addGrams(char, s, o.cjkChar);
    else addGrams(char, ` ${s} `, o.latinChar);
  }
  return { word, char };
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Character n-grams ("c:…") of one run, counted by code point (substrings when no surrogate pair is in it). */
function addGrams(m: Map<string, number>, s: string, [min, max]: [number, number]): void {
  const chars = SURROGATE.test(s) ? [...s] : null;
  const length = chars ? chars.length : s.length;
  for (let n = min; n <= max; n++)
    for (let i = 0; i + n <= length; i++) {
      const k = 'c:' + (chars ? chars.slice(i, i + n).join('') : s.substring(i, i + n));
      m.set(k, (m.get(k) ?? 0) + 1);
    }
}

/** A vocabulary-mapped, TF-IDF weighted, L2 normalised sparse vector. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface Vocabulary {
  ids: Map<string, number>;
  terms: string[];
  idf: Float32Array;
}

/** Past this many distinct terms, the rarest are forgotten while counting (see documentFrequencies). */
export const MAX_COUNTED_TERMS = 2_000_000;

/** Terms counted in how many texts, and over how many texts. */
export interface DocumentFrequencies {
  df: Map<string, number>;
  n: number;
}

/**
 * The document frequency of every term of the texts, in one pass that keeps no text's counts, so
 * memory grows with the distinct terms, not with the corpus (50,000 long Chinese texts hold ~85
 * million term occurrences). When more than `maxDistinct` terms are held, those seen in the fewest
 * texts are forgotten (lossy counting): a forgotten term starts again from 0, so only terms rarer
 * than the ones a capped vocabulary keeps can be undercounted.
 */
export function documentFrequencies(texts: Iterable<string>, o: FeatureOptions = DEFAULT_FEATURES, maxDistinct = MAX_COUNTED_TERMS): DocumentFrequencies {
  const df = new Map<string, number>();
  let n = 0;
  const seen = (_: number, k: string) => df.set(k, (df.get(k) ?? 0) + 1);
  for (const text of texts) {
    const c = featureCounts(text, o);
    c.word.forEach(seen);
    c.char.forEach(seen);
    n++;
    // down to three quarters, so that the next few texts do not set off another pass at once
    if (df.size > maxDistinct) for (let floor = 1; df.size > maxDistinct * 0.75; floor++) for (const [k, v] of df) if (v <= floor) df.delete(k);
  }
  return { df, n };
}

/**
 * Builds the vocabulary: terms seen in at least minDf texts, at most maxTerms of them (the most
 * frequent; among equally frequent ones the shortest, then in term order); idf = ln((1 + n) / (1 + df)) + 1.
 */
export function buildVocabulary({ df, n }: DocumentFrequencies, minDf: number, maxTerms = Infinity): Vocabulary {
  let terms = [...df.keys()].filter((k) => df.get(k)! >= minDf).sort();
  if (terms.length > maxTerms) {
    const kept = new Set([...terms].sort((a, b) => df.get(b)! - df.get(a)! || a.length - b.length || (a < b ? -1 : 1)).slice(0, maxTerms));
    terms = terms.filter((t) => kept.has(t));
  }
  const ids = new Map(terms.map((t, i) => [t, i]));
  const idf = new Float32Array(terms.length);
  terms.forEach((t, i) => (idf[i] = Math.log((1 + n) / (1 + df.get(t)!)) + 1));
  return { ids, terms, idf };
}

/** Sublinear TF (1 + ln tf) × IDF, each block L2 normalised, char block × charWeight, then the whole L2 normalised. */
export function vectorize(c: { word: Map<string, number>; char: Map<string, number> }, vocab: Vocabulary, o: FeatureOptions = DEFAULT_FEATURES): SparseVector {
  const size = c.word.size + c.char.size;
  if (scratchIdx.length < size) {
    scratchIdx = new Int32Array(size * 2);
    scratchVal = new Float64Array(size * 2);
  }
  const idx = scratchIdx;
  const val = scratchVal;
  let n = 0;
  // forEach, not for…of: no [key, value] pair allocated per entry (this runs for every new ticket)
  const block = (m: Map<string, number>, weight: number) => {
    const start = n;
    let norm = 0;
    m.forEach((tf, k) => {
      const id = vocab.ids.get(k);
      if (id === undefined) return;
      const v = (1 + Math.log(tf)) * vocab.idf[id];
      idx[n] = id;
      val[n++] = v;
      norm += v * v;
    });
    const s = norm > 0 ? weight / Math.sqrt(norm) : 0;
    for (let i = start; i < n; i++) val[i] *= s;
  };
  block(c.word, 1);
  block(c.char, o.charWeight);
  let norm = 0;
  for (let i = 0; i < n; i++) norm += val[i] * val[i];
  const s = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const out = { idx: idx.slice(0, n), val: new Float32Array(n) };
  for (let i = 0; i < n; i++) out.val[i] = val[i] * s;
  return out;
}

// one process-wide scratch for vectorize (synchronous, so never shared by two calls at once)
let scratchIdx = new Int32Array(1024);
let scratchVal = new Float64Array(1024);
