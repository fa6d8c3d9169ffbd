import { normalize, words } from '../classify/features';
import { cosine, textTerms, type IdfSource, type TextTerms } from './text-terms';

// Features of a text pair for the duplicate-pair model. Beyond the cosines, what short question
// pairs (LCQMC / AFQMC style) turn on: how much of each side the other covers (weighted by IDF),
// the longest common character run, and small words that flip the meaning while leaving the
// texts almost the same — a negation, a different question word, a different number.

/** A text prepared once: normalised characters, words and terms. */
export interface PreparedText {
  chars: string[];
  words: string[];
  wordSet: Set<string>;
  terms: TextTerms;
  numbers: Set<string>;
}

const PUNCT = /[^\p{L}\p{N}]/gu;

export function prepare(text: string): PreparedText {
  const norm = normalize(text);
  const ws = words(norm);
  return {
    chars: [...norm.replace(PUNCT, '')],
    words: ws,
    wordSet: new Set(ws),
    terms: textTerms(text),
    numbers: new Set(norm.match(/\d+(?:\.\d+)?|[a-z]+\d[a-z\d-]*|\d+[a-z][a-z\d-]*/g) ?? []),
  };
}

const NEGATION = /[不没无未别非否]|not|n't|never|\bno\b|cannot|cant/g;
const QUESTION_WORDS = ['怎么', '怎样', '如何', '为什么', '为何', '什么', '哪', '多少', '几', '多久', '是否', '能否', '能不能', '可以', '会不会', '谁', 'how', 'why', 'what', 'where', 'when', 'who', 'which', 'can', 'is', 'do', 'does'];

function questionWords(p: PreparedText): string {
  const s = p.chars.join('');
  return QUESTION_WORDS.filter((q) => (/^[a-z]/.test(q) ? p.wordSet.has(q) : s.includes(q))).join(' ');
}

function lcs(a: string[], b: string[]): { seq: number; run: number } {
  // Longest common subsequence and longest common substring, O(|a|·|b|) on short texts.
  if (a.length === 0 || b.length === 0) return { seq: 0, run: 0 };
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  let prevRun = new Int32Array(b.length + 1);
  let curRun = new Int32Array(b.length + 1);
  let run = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        cur[j] = prev[j - 1] + 1;
        curRun[j] = prevRun[j - 1] + 1;
        if (curRun[j] > run) run = curRun[j];
      } else {
        cur[j] = Math.max(prev[j], cur[j - 1]);
        curRun[j] = 0;
      }
    }
    [prev, cur] = [cur, prev];
    [prevRun, curRun] = [curRun, prevRun];
  }
  return { seq: prev[b.length], run };
}

/** Share of a's word IDF mass that b contains, and the largest IDF among a's words b lacks. */
function coverage(a: PreparedText, b: PreparedText, stats: IdfSource): { share: number; missing: number } {
  let total = 0;
  let covered = 0;
  let missing = 0;
  for (const w of a.wordSet) {
    const idf = stats.idf(`w:${w}`);
    total += idf;
    if (b.wordSet.has(w)) covered += idf;
    else if (idf > missing) missing = idf;
  }
  return { share: total > 0 ? covered / total : 0, missing };
}

export const PAIR_FEATURE_NAMES = [
  'cos_word',
  'cos_char',
  'jaccard_word',
  'coverage_min',
  'coverage_max',
  'missing_idf_max',
  'lcs_over_max',
  'lcs_over_min',
  'run_over_min',
  'length_ratio',
  'log_length_diff',
  'numbers_same',
  'numbers_differ',
  'negation_differs',
  'question_differs',
  'identical',
  'cos_word_x_char',
] as const;

/** Dense features of a pair, all roughly in 0..1, in the order of PAIR_FEATURE_NAMES. */
export function pairFeatures(a: PreparedText, b: PreparedText, stats: IdfSource, maxIdf: number): number[] {
  const cw = cosine(a.terms.word, b.terms.word, stats);
  const cc = cosine(a.terms.char, b.terms.char, stats);
  let inter = 0;
  for (const w of a.wordSet) if (b.wordSet.has(w)) inter++;
  const union = a.wordSet.size + b.wordSet.size - inter;
  const ca = coverage(a, b, stats);
  const cb = coverage(b, a, stats);
  const { seq, run } = lcs(a.chars, b.chars);
  const la = a.chars.length;
  const lb = b.chars.length;
  const lmax = Math.max(la, lb, 1);
  const lmin = Math.max(Math.min(la, lb), 1);
  const bothNumbers = a.numbers.size > 0 && b.numbers.size > 0;
  const sameNumbers = bothNumbers && a.numbers.size === b.numbers.size && [...a.numbers].every((n) => b.numbers.has(n));
  const anyNumbers = a.numbers.size > 0 || b.numbers.size > 0;
  const sa = a.chars.join('');
  const sb = b.chars.join('');
  const negA = (sa.match(NEGATION) ?? []).length % 2;
  const negB = (sb.match(NEGATION) ?? []).length % 2;
  return [
    cw,
    cc,
    union > 0 ? inter / union : 0,
    Math.min(ca.share, cb.share),
    Math.max(ca.share, cb.share),
    Math.max(ca.missing, cb.missing) / maxIdf,
    seq / lmax,
    seq / lmin,
    run / lmin,
    lmin / lmax,
    Math.min(1, Math.abs(Math.log(lmax / lmin))),
    sameNumbers ? 1 : 0,
    anyNumbers && !sameNumbers ? 1 : 0,
    negA !== negB ? 1 : 0,
    questionWords(a) !== questionWords(b) ? 1 : 0,
    sa === sb ? 1 : 0,
    cw * cc,
  ];
}

/**
 * Sparse, hashed features for large training sets: the words only one side has (which of them
 * matter, e.g. 不 or 退款, and which do not, e.g. 吗 or 呢), pairs of them across the sides
 * (synonyms such as 无法打印 / 打不出来), the characters only one side has and the words both share.
 */
export function pairSparse(a: PreparedText, b: PreparedText, buckets: number): number[] {
  const onlyA = [...a.wordSet].filter((w) => !b.wordSet.has(w));
  const onlyB = [...b.wordSet].filter((w) => !a.wordSet.has(w));
  const out: number[] = [];
  for (const w of [...onlyA, ...onlyB]) out.push(hash(`d:${w}`, buckets));
  for (const x of onlyA.slice(0, 5)) for (const y of onlyB.slice(0, 5)) out.push(hash(x < y ? `x:${x}|${y}` : `x:${y}|${x}`, buckets));
  if (onlyA.length === 0 && onlyB.length === 0) out.push(hash('same-words', buckets));
  // The characters only one side has: near-identical utterances that differ in meaning differ in a
  // character or two (开 / 关, 歌 / 剧), often inside a word jieba keeps whole.
  const ca = new Set(a.chars);
  const cb = new Set(b.chars);
  for (const c of ca) if (!cb.has(c)) out.push(hash(`dc:${c}`, buckets));
  for (const c of cb) if (!ca.has(c)) out.push(hash(`dc:${c}`, buckets));
  // The words both share: some topics are paraphrased far more often than others.
  for (const w of a.wordSet) if (b.wordSet.has(w)) out.push(hash(`s:${w}`, buckets));
  return out;
}

/** FNV-1a, 32 bits. */
function hash(s: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % buckets;
}
