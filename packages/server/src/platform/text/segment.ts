import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

// Chinese is segmented by jieba in the application; the tokens are stored so that
// to_tsvector('simple', …) behaves the same on PGlite and PostgreSQL.
const jieba = Jieba.withDict(dict);
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
export const toQueryText = (text: string) => queryTokens(text).map(stripTsSyntax).filter(Boolean).join(' ');

function stripTsSyntax(t: string): string {
  return t.replace(/[&|!():*<>'\\]/g, '');
}
