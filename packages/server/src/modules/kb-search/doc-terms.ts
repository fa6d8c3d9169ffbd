import { indexTokens } from '../../platform/text/segment';
import { hanGrams } from './han-grams';
import { clean } from './query-plan';

// Pure: the tokens of an article's fields as the index keeps them (jieba search mode: 打印机 also
// gives 打印, 印机), and the distinct terms counted in the tenant's vocabulary.

export interface DocFields {
  title: string[];
  /** The title's character pairs (hanGrams): ranked with the title's words, never indexed for finding. */
  titleGrams: string[];
  tags: string[];
  body: string[];
  links: string[];
}

export const tokensOf = (text: string) => indexTokens(text).map(clean).filter(Boolean);

export function docFields(doc: { title: string; text: string; tags: string[] }, linkTexts: string[]): DocFields {
  return {
    title: tokensOf(doc.title),
    titleGrams: hanGrams(doc.title),
    tags: doc.tags.flatMap(tokensOf),
    body: tokensOf(doc.text),
    links: linkTexts.flatMap(tokensOf),
  };
}

export const distinctTerms = (f: DocFields) => [...new Set([...f.title, ...f.titleGrams, ...f.tags, ...f.body, ...f.links])].sort();

/** Stored form of a field: tokens joined by spaces (tokens never hold a space). */
export const joinTokens = (t: string[]) => t.join(' ');
export const splitTokens = (s: string) => (s ? s.split(' ') : []);
