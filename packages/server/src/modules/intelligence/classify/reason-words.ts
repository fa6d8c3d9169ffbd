import { STOP_WORDS } from '../../../platform/text/stop-words';

// The words a supervisor would accept as why a model chose a label. The model decides on words,
// word pairs and character grams alike, but only whole words of the text are shown: never digits or
// dates ("2026", "02"), words every ticket uses (今天, 还是), particles glued to a word (的 无线网络) or
// grams that are pieces of a word (线网 of 无线网络).

const HAN = /\p{Script=Han}/u;
const ALL_HAN = /^\p{Script=Han}+$/u;
const LATIN_WORD = /^\p{L}[\p{L}'.]*$/u;
const KIND = /^([a-z]):(.*)$/;

/** A word that can stand as a reason on its own: a Chinese word of two or more characters, or a Latin word, not a stop word, no digits. */
export function isReasonWord(word: string): boolean {
  if (!word || STOP_WORDS.has(word) || /\p{N}/u.test(word)) return false;
  if (HAN.test(word)) return ALL_HAN.test(word) && [...word].length >= 2;
  return LATIN_WORD.test(word) && word.length >= 2;
}

/** The words of one feature ("w:网络", "b:无法 连接", "p:打印|卡纸", "c:网络"); null when it is not made of whole words of the text. */
function wordsOf(feature: string, textWords: ReadonlySet<string>): { words: string[]; phrase: boolean } | null {
  const m = KIND.exec(feature);
  if (!m) return null;
  const [, kind, body] = m;
  if (kind === 'c') {
    // a character gram counts only when it is a whole word of the text
    const gram = body.trim();
    return textWords.has(gram) ? { words: [gram], phrase: false } : null;
  }
  if (kind === 'w') return body.startsWith('~') ? null : { words: [body], phrase: false };
  // word pairs and triples; the start marker ^ and the gap _ are not words
  const parts = body.split(/[ |]/).filter((w) => w && w !== '^' && w !== '_');
  return parts.length ? { words: parts, phrase: (kind === 'b' || kind === 't') && !body.startsWith('^') } : null;
}

/** Adjacent Chinese words read as one phrase (无法连接); Latin ones keep their space. */
const joined = (words: string[]) => (words.every((w) => ALL_HAN.test(w)) ? words.join('') : words.join(' '));

/**
 * The deciding features (strongest first) as at most `max` words or phrases of the text: a pair is
 * shown only when each of its words is a reason on its own, and nothing already shown is repeated
 * (a word inside a phrase shown, or the other way round).
 */
export function reasonWords(features: readonly { feature: string }[], textWords: readonly string[], max = 5): string[] {
  const inText = new Set(textWords);
  const out: string[] = [];
  const take = (shown: string) => {
    if (out.length >= max || out.some((o) => o.includes(shown) || shown.includes(o))) return;
    out.push(shown);
  };
  for (const { feature } of features) {
    const w = wordsOf(feature, inText);
    if (!w || !w.words.every(isReasonWord)) continue;
    if (w.phrase) take(joined(w.words));
    else for (const x of w.words) take(x);
  }
  return out;
}
