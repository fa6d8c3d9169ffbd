import fc from 'fast-check';

// Values a careless client, or an attacker, sends: text PostgreSQL cannot store, text that looks like
// something else, numbers and dates out of any sensible range.

const HUGE = 'x'.repeat(100_000);
const HUGE_CHINESE = '工单'.repeat(50_000);

export const EDGE_STRINGS: string[] = [
  '\u0000',
  'a\u0000b',
  '报修\u0000',
  '\ud800',
  'x\udc00y',
  '\udbff\udfff\ud800',
  '\u202e右到左\u202c',
  '\u200f\u200e\u061c',
  '\u200b\u200c\u200d\ufeff',
  '\u2028\u2029',
  '😀👨‍👩‍👧‍👦🇨🇳',
  '空调不制冷，会议室三〇一',
  '𠮷野家',
  'e\u0301\u0301\u0301\u0301',
  '',
  ' ',
  '\t\r\n',
  HUGE,
  HUGE_CHINESE,
  "' OR 1=1 --",
  '"; DROP TABLE tickets; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00',
  '%',
  '\\',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'null',
  'undefined',
  'true',
  '-1',
  '0',
  '9'.repeat(400),
  '1e309',
  'NaN',
  'Infinity',
  '0x1f',
  '٣٤',
  'ﬀ',
  'A'.repeat(65),
  'a@b',
  'me',
  'none',
];

export const EDGE_NUMBERS: unknown[] = [
  -1,
  0,
  -0,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0x10',
  '',
  '١٢',
];

export const FAR_DATES: string[] = [
  '99999-01-01T00:00:00Z',
  '+099999-01-01T00:00:00.000Z',
  '-000001-01-01T00:00:00.000Z',
  '0000-01-01T00:00:00Z',
  '0000-01-01',
  '9999-12-31T23:59:59.999Z',
  '275760-09-13T00:00:00.000Z',
  '1970-01-01T00:00:00Z',
  '2026-13-45T25:61:61Z',
  '2026-02-30',
  'now',
  '1e20',
  '8640000000000001',
  '-8640000000000001',
];

/** Any value of a wrong JSON type, for fields whose type is known. */
export const WRONG_TYPED: unknown[] = [null, true, 0, -1, 1e308, 'text', [], [null], {}, { $gt: '' }, [['nested']]];

export const edgeString = () => fc.constantFrom(...EDGE_STRINGS);
export const edgeNumber = () => fc.constantFrom(...EDGE_NUMBERS);
export const farDate = () => fc.constantFrom(...FAR_DATES);
export const wrongTyped = () => fc.constantFrom(...WRONG_TYPED);
/** Any edge value at all, for a field of any type. */
export const anyEdge = () => fc.oneof(edgeString(), edgeNumber(), farDate(), wrongTyped());
