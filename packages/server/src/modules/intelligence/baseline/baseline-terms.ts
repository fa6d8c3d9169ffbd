import { cutHan } from '../../../platform/text/segment';

// The terms of the plain baselines `gongdan eval … --baseline` prints beside the product: word 1–2-grams
// (the product's jieba segmentation for Han runs, letters and digits split on everything else) and
// character 1–4-grams of the whole text. No stems, no weighting tricks, nothing tuned.

const HAN = /\p{Script=Han}/u;
const SEGMENT = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

/** NFKC, lowercase, whitespace collapsed. */
const normalize = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Jieba words of Han runs, other letter/digit runs as they are. */
export function baselineWords(text: string): string[] {
  const out: string[] = [];
  for (const m of normalize(text).matchAll(SEGMENT)) {
    if (HAN.test(m[0][0])) for (const w of cutHan(m[0])) out.push(w);
    else out.push(m[0]);
  }
  return out;
}

/** Term counts: "w:" words, "b:" word bigrams, "c:" character 1–4-grams. */
export function baselineTerms(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  const ws = baselineWords(text);
  ws.forEach((w, i) => {
    add(`w:${w}`);
    if (i + 1 < ws.length) add(`b:${w} ${ws[i + 1]}`);
  });
  const chars = [...normalize(text)];
  for (let n = 1; n <= 4; n++) for (let i = 0; i + n <= chars.length; i++) add(`c:${chars.slice(i, i + n).join('')}`);
  return counts;
}
