import { EN_LEXICON } from './lexicon-en';
import type { Term, TermGroup } from './lexicon-types';
import { ZH_LEXICON } from './lexicon-zh';

// The lexicons compiled once into a character trie. One left-to-right pass finds, at each
// position, the longest term that starts there; a term made of Latin letters or digits must stand
// as a whole word (so "ty" is not found in "empty", "315" not in "13150"). Chinese terms match
// anywhere, which is why the lexicon lists blockers for the longer words that contain them.

interface Node {
  next: Map<number, Node>;
  term?: Term;
  /** The term starts / ends with a letter or digit and needs a word boundary there. */
  edgeStart?: boolean;
  edgeEnd?: boolean;
}

export interface TermHit {
  start: number;
  end: number;
  term: Term;
}

/** Lower-case ASCII letter or digit: the characters a Latin word is made of after normalization. */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** Same normalization as the text: NFKC, lower case, curly apostrophes straight, spaces single. */
export function normalizeText(text: string): string {
  return lowerText(text.normalize('NFKC'));
}

/** normalizeText of a text already in NFKC. */
export function lowerText(nfkc: string): string {
  return nfkc.toLowerCase().replace(/[‘’`´]/g, "'").replace(/\s+/g, ' ').trim();
}

export interface CompiledLexicon {
  root: Node;
  /** Every term by its normalized text (the tests check the lists through it). */
  terms: Map<string, Term>;
}

/** Builds the trie; a term listed twice is a lexicon bug and throws. */
export function compileLexicon(groups: readonly TermGroup[]): CompiledLexicon {
  const root: Node = { next: new Map() };
  const terms = new Map<string, Term>();
  for (const g of groups) {
    for (const raw of g.terms) {
      const text = normalizeText(raw);
      if (terms.has(text)) throw new Error(`Sentiment lexicon lists "${text}" twice`);
      const term: Term = { text, kind: g.kind, weight: g.weight ?? 1, anger: g.anger ?? 0 };
      terms.set(text, term);
      let node = root;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        let child = node.next.get(c);
        if (!child) node.next.set(c, (child = { next: new Map() }));
        node = child;
      }
      node.term = term;
      node.edgeStart = isWordCode(text.charCodeAt(0));
      node.edgeEnd = isWordCode(text.charCodeAt(text.length - 1));
    }
  }
  return { root, terms };
}

export const LEXICON: CompiledLexicon = compileLexicon([...ZH_LEXICON, ...EN_LEXICON]);

/** Longest-match scan of a normalized text; hits never overlap. */
export function scanTerms(norm: string, lexicon: CompiledLexicon = LEXICON): TermHit[] {
  const hits: TermHit[] = [];
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const wordStart = i === 0 || !isWordCode(norm.charCodeAt(i - 1));
    // Inside a Latin word nothing can start (every Latin term needs a word boundary).
    if (!wordStart && isWordCode(norm.charCodeAt(i))) {
      i++;
      continue;
    }
    let node: Node | undefined = lexicon.root;
    let best: Term | undefined;
    let bestEnd = i;
    for (let j = i; j < n; j++) {
      node = node.next.get(norm.charCodeAt(j));
      if (!node) break;
      if (!node.term) continue;
      if (node.edgeStart && !wordStart) continue;
      if (node.edgeEnd && j + 1 < n && isWordCode(norm.charCodeAt(j + 1))) continue;
      best = node.term;
      bestEnd = j + 1;
    }
    if (best) {
      hits.push({ start: i, end: bestEnd, term: best });
      i = bestEnd;
    } else i++;
  }
  return hits;
}
