import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { STOP_WORDS } from './stop-words';

// Chinese is segmented by jieba in the application; the tokens are stored so that
// to_tsvector('simple', …) behaves the same on PGlite and PostgreSQL.
// one dictionary per process (loading it costs a few hundred milliseconds): search and the text models share it
const jieba = Jieba.withDict(dict);

/** jieba's plain segmentation of a run of Han characters (HMM on), unfiltered. */
export const cutHan = (text: string): string[] => jieba.cut(text, true);
const WORD = /[\p{L}\p{N}]/u;

function clean(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const w = t.trim().toLowerCase();
    if (w && WORD.test(w)) out.push(w);
  }
  return out;
}

/** Tokens for indexing: search mode also emits the sub-words (打印机 → 打印, 印机, 打印机). */
export function indexTokens(text: string): string[] {
  return clean(jieba.cutForSearch(text, true));
}

/** Tokens for a query: plain segmentation, each token must match. */
export function queryTokens(text: string): string[] {
  return clean(jieba.cut(text, true));
}

/** Text prepared for to_tsvector('simple', …): tokens joined by spaces, tsquery syntax removed. */
export const toIndexText = (text: string) => indexTokens(text).map(stripTsSyntax).filter(Boolean).join(' ');
const CJK_CHAR = /^\p{Script=Han}$/u;

/**
 * A to_tsquery('simple', …) expression: every token must match as a prefix, so a partly typed word
 * finds the whole one (打印 → 打印机). Runs of single Chinese characters that jieba could not group
 * (收不 from 收不到) are joined back and matched as a prefix too. Empty when nothing searchable is left.
 */
export function toTsQuery(text: string): string {
  const merged: string[] = [];
  let run = '';
  for (const t of queryTokens(text).map(stripTsSyntax).filter(Boolean)) {
    if (CJK_CHAR.test(t)) {
      run += t;
      continue;
    }
    if (run) merged.push(run);
    run = '';
    merged.push(t);
  }
  if (run) merged.push(run);
  return merged.map((t) => `'${t}':*`).join(' & ');
}

function stripTsSyntax(t: string): string {
  return t.replace(/[&|!():*<>'\\]/g, '');
}

/**
 * A to_tsquery('simple', …) expression matching any of the text's most telling words: finds the
 * tickets that share a word with it. Single characters and words every text uses (STOP_WORDS) are
 * left out; of the rest the `max` with the highest `weight` are kept — by default the longest; give
 * the inverse document frequency of the tenant's tickets so that the rarest words are chosen.
 */
export function anyWordTsQuery(text: string, max = 8, weight?: (word: string) => number): string {
  return anyOfTsQuery(tellingWords(text, max, weight));
}

/** The words anyWordTsQuery matches on, most telling first. */
export function tellingWords(text: string, max = 8, weight: (word: string) => number = (w) => w.length): string[] {
  const words = [...new Set(queryTokens(text).map(stripTsSyntax))].filter((t) => t && t.length >= 2 && !CJK_CHAR.test(t) && !STOP_WORDS.has(t));
  const w = new Map(words.map((t) => [t, weight(t)]));
  words.sort((a, b) => w.get(b)! - w.get(a)! || b.length - a.length);
  return words.slice(0, max);
}

/** A to_tsquery('simple', …) expression matching any of the (already cleaned) words. */
export const anyOfTsQuery = (words: string[]) => words.map((t) => `'${t}'`).join(' | ');
