import { found, type Found } from './types';
import { matches } from './text';

const CODE = '(0x[0-9A-Fa-f]{2,16}|[A-Za-z]{1,5}[-_]?\\d{1,6}[A-Za-z]?|\\d{2,6})';
// After a keyword (错误码 0x80070005, 故障码 F3, error code: 1603, 报错 E-21).
const KEYED = new RegExp(
  `(?:错误码|错误代码|故障码|故障代码|报错码|报错代码|代码|报错|提示|显示|error\\s*code|fault\\s*code|err(?:or)?(?![A-Za-z_])\\s*(?:no\\.?|#)?|code)\\s*(?:是|为)?\\s*[:：#]?\\s*${CODE}(?![A-Za-z0-9])`,
  'di',
);
// Standalone codes that look like codes: E21, E-21, ERR-404, ERROR_1603, F3 is too vague alone.
const BARE = /(?<![A-Za-z0-9_.-])((?:ERR(?:OR)?[-_]?|E[-_]?)\d{1,5}|0x[0-9A-Fa-f]{8})(?![A-Za-z0-9_]|-\d|\.\d)/di;

const norm = (c: string) => (/^0x/i.test(c) ? '0x' + c.slice(2).toUpperCase() : c.toUpperCase());

export function findCodes(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(KEYED, text)) {
    const code = m[1]!;
    const start = m.indices![1]![0];
    // "显示 3 天" / "提示 2026" : a keyword alone followed by a plain number is weak.
    const soft = /^(?:提示|显示|code|报错)(?![码代])/i.test(m[0]) && /^\d+$/.test(code);
    if (soft) continue;
    out.push(found('error_code', norm(code), start, start + code.length, 0.9));
  }
  for (const m of matches(BARE, text)) {
    out.push(found('error_code', norm(m[1]!), m.index, m.index + m[0].length, 0.7));
  }
  return out;
}
