import { queryTokens } from '../../platform/text/segment';
import { STOP_WORDS } from '../../platform/text/stop-words';
import { hanGrams } from './han-grams';

// Chinese function characters jieba leaves alone (打印机的驱动 → 的): like stop words, they rank but never match or highlight
const PARTICLES = new Set('的地得了着过吗呢吧啊呀哦么是在和与及或也都就还又很不没'.split(''));

// Pure: a query text becomes groups of alternatives. Each group stands for one word (or a phrase a
// synonym rule names); it matches a document when any of its alternatives does, an alternative
// matching when all its terms occur. Synonyms and typo corrections are alternatives with less weight.

export interface Alternative {
  terms: string[];
  weight: number;
  source: 'query' | 'synonym' | 'typo';
}

export interface QueryGroup {
  alternatives: Alternative[];
  /** Required for an "all words" match: not a stop word nor a lone Chinese character. */
  required: boolean;
  /** A stop word (问题, 怎么, the): scored, but never enough for a match on its own. */
  stop: boolean;
}

export interface SynonymRule {
  term: string;
  synonyms: string[];
}

export const SYNONYM_WEIGHT = 0.9;
export const TYPO_WEIGHT = 0.7;
const HAN_CHAR = /^\p{Script=Han}$/u;

/** Tokens as the index stores them: jieba words, lower case, without tsquery syntax. */
export const terms = (text: string) => [...new Set(queryTokens(text).map(clean).filter(Boolean))];
export const clean = (t: string) => t.replace(/[&|!():*<>'\\\s]/g, '');

/** Latin words a typo correction is tried for (5 letters or more). */
export const correctable = (t: string) => /^[a-z]{5,}$/.test(t);

export interface PlanOptions {
  synonyms?: SynonymRule[];
  /** Corrections per query word not in the vocabulary (from typoCandidates). */
  corrections?: ReadonlyMap<string, string[]>;
}

/** Whether a synonym rule's term occurs in the query (lower-cased). */
export function applies(ruleTerm: string, lowerQuery: string): boolean {
  const t = ruleTerm.trim().toLowerCase();
  return t !== '' && lowerQuery.includes(t);
}

export function planQuery(query: string, opts: PlanOptions = {}): QueryGroup[] {
  const tokens = terms(query);
  const lower = query.toLowerCase();
  const groups: { tokens: string[]; alternatives: Alternative[] }[] = tokens.map((t) => ({ tokens: [t], alternatives: [{ terms: [t], weight: 1, source: 'query' }] }));
  for (const rule of opts.synonyms ?? []) {
    if (!applies(rule.term, lower)) continue;
    const ruleTerm = rule.term.trim().toLowerCase();
    const ruleTokens = terms(ruleTerm);
    const alts: Alternative[] = rule.synonyms.map((s) => ({ terms: terms(s), weight: SYNONYM_WEIGHT, source: 'synonym' as const })).filter((a) => a.terms.length > 0);
    if (alts.length === 0 || ruleTokens.length === 0) continue;
    // the rule's words as a run of groups: merged into one group (the phrase or any synonym of it)
    const at = groups.findIndex((g, i) => ruleTokens.every((rt, k) => groups[i + k]?.tokens.length === 1 && groups[i + k].tokens[0] === rt));
    if (at >= 0) {
      const merged = groups.splice(at, ruleTokens.length);
      groups.splice(at, 0, { tokens: ruleTokens, alternatives: [{ terms: ruleTokens, weight: 1, source: 'query' }, ...alts, ...merged.flatMap((g) => g.alternatives.slice(1))] });
      continue;
    }
    // segmented differently in the query (inside a longer word): add to the group holding it
    const holder = groups.find((g) => g.tokens.some((t) => t.includes(ruleTerm) || ruleTerm.includes(t)));
    if (holder) holder.alternatives.push(...alts);
  }
  for (const g of groups) {
    if (g.tokens.length !== 1) continue;
    for (const fix of opts.corrections?.get(g.tokens[0]) ?? []) g.alternatives.push({ terms: [fix], weight: TYPO_WEIGHT, source: 'typo' });
  }
  return groups.map((g) => {
    const stop = g.tokens.length === 1 && (STOP_WORDS.has(g.tokens[0]) || PARTICLES.has(g.tokens[0]));
    return { alternatives: dedupe(g.alternatives), stop, required: !stop && !(g.tokens.length === 1 && HAN_CHAR.test(g.tokens[0])) };
  });
}

function dedupe(alts: Alternative[]): Alternative[] {
  const seen = new Set<string>();
  return alts.filter((a) => {
    const k = a.terms.join(' ');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** How much a character pair shared with the title weighs against a word (chosen on the eval sets). */
export const GRAM_WEIGHT = 0.3;

/**
 * The plan with the query's character pairs as groups of their own that only rank: like stop words,
 * never required, never a match alone, never highlighted, never a reason to fetch candidates; they
 * score against the title's pairs (a paraphrase cut into other words still shares them).
 */
export function withTitleGrams(groups: QueryGroup[], query: string): QueryGroup[] {
  if (groups.length === 0) return groups;
  const grams = [...new Set(hanGrams(query.toLowerCase()))];
  return [...groups, ...grams.map((g) => ({ alternatives: [{ terms: [g], weight: GRAM_WEIGHT, source: 'query' as const }], stop: true, required: false }))];
}

/** Every term a plan may match (for looking up document frequencies and highlighting). */
export const planTerms = (groups: QueryGroup[]) => [...new Set(groups.flatMap((g) => g.alternatives.flatMap((a) => a.terms)))];

/** A to_tsquery('simple', …) expression over planTsQueryGroups: all of them or any. Empty when nothing is left. */
export function planTsQuery(groups: QueryGroup[], mode: 'all' | 'any', stats?: TermStats): string {
  const use = planTsQueryGroups(groups, mode, stats);
  const alt = (a: Alternative) => (a.terms.length === 1 ? lexeme(a.terms[0]) : `(${a.terms.map(lexeme).join(' & ')})`);
  const parts = use.map((g) => (g.alternatives.length === 1 ? alt(g.alternatives[0]) : `(${g.alternatives.map(alt).join(' | ')})`));
  return parts.join(mode === 'all' ? ' & ' : ' | ');
}
const lexeme = (t: string) => `'${t}'`;

export interface TermStats {
  docs: number;
  df(term: string): number;
}

/** How many documents the 'any' candidates may reach through their words, at most (the rarest words are kept). */
export const ANY_BUDGET = 5000;

/**
 * The groups candidates are found by — all of them ('all') or any ('any'): the required ones; for any
 * also the lone characters few documents have (傻, 卡: at most 5% of them, so 的 and 了 are left out),
 * and only the rarest groups while together they reach at most ANY_BUDGET documents (at least one that any has),
 * so a long ticket text does not make every article a candidate. When the query has no such group:
 * those that are not stop words; else all. Every group still counts in the ranking.
 */
export function planTsQueryGroups(groups: QueryGroup[], mode: 'all' | 'any', stats?: TermStats): QueryGroup[] {
  const rare = (g: QueryGroup) => !!stats && g.alternatives[0].terms.every((t) => stats.df(t) <= stats.docs * 0.05);
  let use = groups.filter((g) => g.required || (mode === 'any' && !g.stop && rare(g)));
  if (use.length === 0) use = groups.filter((g) => !g.stop);
  if (use.length === 0) use = groups;
  if (mode === 'all' || !stats) return use;
  const reach = (g: QueryGroup) => g.alternatives.reduce((n, a) => n + Math.min(...a.terms.map((t) => stats.df(t))), 0);
  const byReach = [...use].sort((a, b) => reach(a) - reach(b));
  const kept = new Set<QueryGroup>();
  let total = 0;
  for (const g of byReach) {
    if (total > 0 && total + reach(g) > ANY_BUDGET) break;
    kept.add(g);
    total += reach(g);
  }
  return use.filter((g) => kept.has(g));
}

/**
 * Words at edit distance 1 (deletion, transposition, substitution, insertion of a-z) of a latin word:
 * the candidates a typo correction looks up in the tenant's vocabulary.
 */
export function typoCandidates(word: string): string[] {
  const out = new Set<string>();
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i <= word.length; i++) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (b) out.add(a + b.slice(1));
    if (b.length > 1) out.add(a + b[1] + b[0] + b.slice(2));
    for (const c of letters) {
      if (b) out.add(a + c + b.slice(1));
      out.add(a + c + b);
    }
  }
  out.delete(word);
  return [...out];
}

/** The corrections of a word the vocabulary lacks: its edit-distance-1 neighbours present, most frequent first (at most 3). */
export function pickCorrections(word: string, df: (t: string) => number): string[] {
  if (!correctable(word) || df(word) > 0) return [];
  return typoCandidates(word)
    .filter((c) => df(c) > 0)
    .sort((a, b) => df(b) - df(a) || a.localeCompare(b))
    .slice(0, 3);
}
