/**
 * Full-width ASCII (Ｕ+FF01–FF5E, e.g. "１３８", "ＳＮ：") and the ideographic space become their
 * ASCII forms. Every character maps to exactly one, so spans found in the result are spans of the input.
 */
export function halfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUM = '[零〇一二两三四五六七八九十百千万]';

/** Chinese numerals (一, 十五, 两百三十, 三千零五, 十二万) or ASCII digits → number; null if not a number. */
export function parseNumber(s: string): number | null {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  if (!s || !/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit >= 0 && DIGIT[ch] !== 0) return null; // "一二" is not a number
      digit = DIGIT[ch]!;
      if (digit === 0) digit = -1;
    } else if (ch in UNIT) {
      section += (digit < 0 ? 1 : digit) * UNIT[ch]!;
      digit = -1;
    } else {
      // 万
      section += Math.max(digit, 0);
      total += (section || 1) * 10_000;
      section = 0;
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}

/** Scans all matches of a global regex. */
export function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let m: RegExpExecArray | null;
  while ((m = g.exec(text))) {
    if (m[0] === '') {
      g.lastIndex++;
      continue;
    }
    yield m;
  }
}

/** Start index of capture group `i` (needs the `d` flag). */
export const groupStart = (m: RegExpExecArray, i: number) => m.indices![i]![0];
export const groupEnd = (m: RegExpExecArray, i: number) => m.indices![i]![1];
