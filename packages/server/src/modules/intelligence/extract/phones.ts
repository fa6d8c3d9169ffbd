import { found, type Found } from './types';
import { matches } from './text';

// Not inside a longer run of digits or letters (order numbers, ID cards, serials).
const B = '(?<![A-Za-z0-9_./=-])';
const A = '(?![A-Za-z0-9_]|[-/.]?\\d)';

const MOBILE = new RegExp(`${B}(?:(?:\\+|00)86[ -]?|86-)?(1[3-9]\\d(?:[ -]?\\d){8})${A}`, 'd');
// (0755)8888-1234, 010-12345678, 0755 8888 1234, 021-6888-1234 转 123
const LANDLINE = new RegExp(
  `${B}(?:\\+86[ -]?)?(?:[(（](0\\d{2,3})[)）]\\s?|(0\\d{2,3})[ -])(\\d{3,4})[ -]?(\\d{4})(?:\\s*(?:转|ext\\.?|x|-)\\s*(\\d{1,5}))?${A}`,
  'd',
);
// 400-820-8820, 800 810 8888, 4008208820
const SERVICE = new RegExp(`${B}([48]00)[ -]?(\\d{3})[ -]?(\\d{4})${A}`, 'd');

const KEYWORD = /(电话|手机|联系|致电|tel|phone|mobile|call|拨打|号码)[^\n]{0,12}$/i;

export function findPhones(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(MOBILE, text)) {
    const digits = m[1]!.replace(/\D/g, '');
    const near = KEYWORD.test(text.slice(Math.max(0, m.index - 16), m.index));
    out.push(found('mobile', digits, m.index, m.index + m[0].length, near ? 0.95 : 0.85));
  }
  for (const m of matches(LANDLINE, text)) {
    const area = m[1] ?? m[2]!;
    const local = m[3]! + m[4]!;
    if (local.length < 7) continue;
    const ext = m[5] ? `-${m[5]}` : '';
    out.push(found('landline', `${area}-${local}${ext}`, m.index, m.index + m[0].length, 0.85));
  }
  for (const m of matches(SERVICE, text)) {
    out.push(found('landline', `${m[1]}-${m[2]}-${m[3]}`, m.index, m.index + m[0].length, 0.85));
  }
  return out;
}
