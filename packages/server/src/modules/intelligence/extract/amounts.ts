import { found, type Found } from './types';
import { CN_NUM, matches, parseNumber } from './text';

const NUM = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const SCALE = '(万|千|百|k|K|w|W)?';
const PREFIX: Record<string, string> = {
  '¥': 'CNY', '￥': 'CNY', rmb: 'CNY', cny: 'CNY', 人民币: 'CNY', '$': 'USD', us$: 'USD', usd: 'USD',
  '€': 'EUR', eur: 'EUR', hk$: 'HKD', hkd: 'HKD', '£': 'GBP', gbp: 'GBP',
};
const SUFFIX: Record<string, string> = {
  元: 'CNY', 块: 'CNY', 块钱: 'CNY', 元人民币: 'CNY', 人民币: 'CNY', 元整: 'CNY', rmb: 'CNY', yuan: 'CNY', cny: 'CNY',
  美元: 'USD', 美金: 'USD', usd: 'USD', dollars: 'USD', dollar: 'USD', 欧元: 'EUR', eur: 'EUR', 港币: 'HKD', 港元: 'HKD', hkd: 'HKD',
};
const prefixAlt = Object.keys(PREFIX).sort((a, b) => b.length - a.length).map(esc).join('|');
const suffixAlt = Object.keys(SUFFIX).sort((a, b) => b.length - a.length).map(esc).join('|');
function esc(s: string) {
  return s.replace(/[$.*+?()[\]{}|\\^]/g, '\\$&');
}

const WITH_PREFIX = new RegExp(`(?<![A-Za-z0-9])(${prefixAlt})\\s?${NUM}${SCALE}(?:\\s?(元))?(?![\\d.])`, 'i');
const WITH_SUFFIX = new RegExp(`(?<![\\d.A-Za-z]|\\d,)${NUM}\\s?${SCALE}\\s?(${suffixAlt})(?![A-Za-z])`, 'i');
const CHINESE = new RegExp(`(${CN_NUM}+)(块钱|元|块|美元|美金|欧元|港币)`);

const SCALES: Record<string, number> = { 万: 10_000, w: 10_000, 千: 1000, k: 1000, 百: 100 };
const scaled = (n: number, s: string | undefined) => Math.round(n * (s ? SCALES[s.toLowerCase()]! : 1) * 100) / 100;

export function findAmounts(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(WITH_PREFIX, text)) {
    const n = scaled(Number(m[2]!.replace(/,/g, '')), m[3]);
    out.push(found('amount', n, m.index, m.index + m[0].length, 0.9, { currency: PREFIX[m[1]!.toLowerCase()]! }));
  }
  for (const m of matches(WITH_SUFFIX, text)) {
    const n = scaled(Number(m[1]!.replace(/,/g, '')), m[2]);
    out.push(found('amount', n, m.index, m.index + m[0].length, 0.9, { currency: SUFFIX[m[3]!.toLowerCase()]! }));
  }
  for (const m of matches(CHINESE, text)) {
    const n = parseNumber(m[1]!);
    if (n === null) continue;
    out.push(found('amount', n, m.index, m.index + m[0].length, 0.8, { currency: SUFFIX[m[2]!]! }));
  }
  return out;
}
