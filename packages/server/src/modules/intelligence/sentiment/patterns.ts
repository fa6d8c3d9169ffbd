import type { TermKind } from './lexicon-types';

// Signals a word list cannot express: durations followed by "still not", ordinal contacts (第三次,
// third time), counts (五次了, 3 times) and the threat 再不…就. Each regex is compiled once.

export interface PatternHit {
  /** The span the pattern owns; lexicon hits overlapping it are dropped. */
  start: number;
  end: number;
  kind: Extract<TermKind, 'negative' | 'repeat' | 'waiting'>;
  weight: number;
  anger: number;
  cue: string;
  /** Where the cue ends when it reaches past the span (a lookahead); waiting words up to there are part of it. */
  cueEnd?: number;
}

const CN_COUNT = '(?:几|好几|\\d+|[一二两三四五六七八九十半]+)';
const CN_UNIT = '(?:个)?(?:天|周|星期|礼拜|月|小时|钟头)';
const EN_COUNT = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|several|a few|few)';
const BREAK = '[^,.!?;。，！？；]';
const CN_NUMBER: Record<string, number> = { 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

interface Rule {
  /** The rule can only match a text containing one of these: skips the regex on most texts. */
  hint: readonly string[];
  re: RegExp;
  hit(m: RegExpExecArray): Omit<PatternHit, 'start' | 'end'> | null;
}

/** The ordinal of 第N次 / Nth time: 2 for a second contact, 3 for a third. */
function ordinal(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (CN_NUMBER[s] ?? 0);
}

const RULES: Rule[] = [
  // 三天了还没 / 已经三天没人处理 / 几天了都没: the lookahead keeps 没人处理 for the lexicon.
  {
    hint: ['没', '未', '还', '仍', '不见'],
    re: new RegExp(`(?:已经|都|等了|过了)?${CN_COUNT}${CN_UNIT}(?:了)?(?=(${BREAK}{0,6}?(?:还没|还未|都没|仍没|仍未|没|未|还|仍|不见)))`, 'g'),
    hit: (m) => ({ kind: 'negative', weight: 1.2, anger: 0.5, cue: m[0] + m[1], cueEnd: m.index + m[0].length + m[1]!.length }),
  },
  // 等了三天 / 已经两周了: a long wait without an explicit "still not".
  { hint: ['等了', '已经'], re: new RegExp(`(?:等了|已经)${CN_COUNT}${CN_UNIT}(?:了)?`, 'g'), hit: (m) => ({ kind: 'waiting', weight: 0.8, anger: 0.4, cue: m[0] }) },
  // 第三次 / 第2次: the second contact is worth less than the third.
  { hint: ['第'], re: /第([二两三四五六七八九十]|\d+)次/g, hit: (m) => (ordinal(m[1]!) >= 2 ? { kind: 'repeat', weight: ordinal(m[1]!) >= 3 ? 1.2 : 0.6, anger: 0, cue: m[0] } : null) },
  // 五次了 / 打了三次电话 / 找了好几次.
  {
    hint: ['次'],
    re: /(?:[打来找问催报联]了|反映了|提交了|联系了)?([两三四五六七八九十几]|好几|\d+)次(?:了|电话)/g,
    hit: (m) => (m[1] === '1' ? null : { kind: 'repeat', weight: 1, anger: 0, cue: m[0] }),
  },
  // 再不处理我就投诉: a threat.
  { hint: ['再不'], re: new RegExp(`再不(?=${BREAK}{1,10}?就)`, 'g'), hit: () => ({ kind: 'negative', weight: 1.5, anger: 1.2, cue: '再不…就' }) },
  // for the 4th time / 3 times / for three days.
  { hint: [' time'], re: /(?<![a-z0-9])\d+(?:st|nd|rd|th) time(?![a-z])/g, hit: (m) => ({ kind: 'repeat', weight: 1.2, anger: 0, cue: m[0] }) },
  { hint: [' times'], re: new RegExp(`(?<![a-z0-9])${EN_COUNT} times(?![a-z])`, 'g'), hit: (m) => ({ kind: 'repeat', weight: 1, anger: 0, cue: m[0] }) },
  { hint: ['day', 'week', 'month'], re: new RegExp(`(?<![a-z0-9])(?:for )?${EN_COUNT} (?:days|weeks|months)(?![a-z])`, 'g'), hit: (m) => ({ kind: 'repeat', weight: 0.6, anger: 0, cue: m[0] }) },
];

/** Pattern hits of a normalized text, sorted by start, never overlapping. */
export function scanPatterns(norm: string): PatternHit[] {
  const out: PatternHit[] = [];
  for (const rule of RULES) {
    if (!rule.hint.some((h) => norm.includes(h))) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(norm))) {
      if (m[0] === '') {
        rule.re.lastIndex++;
        continue;
      }
      const h = rule.hit(m);
      const start = m.index;
      const end = start + m[0].length;
      if (h && !out.some((o) => o.start < end && start < o.end)) out.push({ start, end, ...h });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
