import { found, type Found } from './types';
import { CN_NUM, halfWidth, matches, parseNumber } from './text';
import {
  addDays, addMonths, daysInMonth, diffDays, isoDate, isoDateTime, isoMonth, isoWeekday, isValid, mondayOf, today, wall, type Ymd,
} from './calendar';

/**
 * Dates and times, absolute and relative, resolved against `now` in `timeZone` (IANA, default
 * Asia/Shanghai).
 *
 * Conventions (documented because they are choices):
 * - Weeks start on Monday. 上周五 is the Friday of the previous Monday–Sunday week, so on a Friday it
 *   is 7 days ago and on a Sunday 9 days ago; 本周/这周X is in the current week (may be in the
 *   future), 下周X in the next one. A bare 周五 / 星期五 / "on Friday" is the latest Friday on or
 *   before today (tickets report the past).
 * - English "last Friday" is the latest Friday strictly before today (its common reading, which can
 *   differ from 上周五); "this Friday" is in the current week, "next Friday" in the next week.
 * - A month-day without a year (3月2日, 3/2, March 2) takes the year that puts it nearest to today,
 *   the past winning ties. "3/2" is month/day.
 * - Month arithmetic clamps to the month's end: one month before 2026-03-31 is 2026-02-28.
 * - A time (下午3点, 15:30, 3pm) right after a date joins it into a datetime; alone it means today.
 *   Values: "2026-03-02" (day), "2026-03-02T15:30:00+08:00" (minute), "2026-03" (month), and for
 *   上周/last week the Monday of that week (precision week).
 * - 月底/月初 are the month's last/first day; 周末 is the Saturday of that week (bare: the latest
 *   weekend); a bare 10号 is the 10th of this month, or of last month when that is still ahead
 *   (low confidence: "我是3号" also matches).
 */
export interface DateOptions {
  now: Date;
  timeZone?: string;
}

interface Hit {
  start: number;
  end: number;
  day?: Ymd;
  month?: { y: number; m: number };
  precision: 'month' | 'week' | 'day' | 'minute';
  time?: { h: number; min: number };
  dayPart?: string;
  confidence: number;
}

const N = `(\\d{1,3}|${CN_NUM}{1,4}|半)`;
const WD: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const EN_WD = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const EN_WD_RE = '(mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const enWd = (s: string) => EN_WD.findIndex((w) => w.startsWith(s.toLowerCase().slice(0, 3))) + 1;
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const EN_NUM: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const num = (s: string) => (s === '半' ? 0.5 : EN_NUM[s.toLowerCase()] ?? parseNumber(s));

function nearestYear(t: Ymd, m: number, d: number): Ymd | null {
  let best: Ymd | null = null;
  for (const y of [t.y - 1, t.y, t.y + 1]) {
    if (!isValid(y, m, d)) continue;
    const c = { y, m, d };
    if (!best || Math.abs(diffDays(c, t)) < Math.abs(diffDays(best, t))) best = c;
  }
  return best;
}

const RELATIVE_DAYS: Record<string, [number, string?]> = {
  大前天: [-3], 前天: [-2], 昨天: [-1], 昨日: [-1], 昨晚: [-1, '晚上'], 昨夜: [-1, '晚上'], 今天: [0], 今日: [0], 今早: [0, '早上'],
  今晚: [0, '晚上'], 明天: [1], 明日: [1], 明早: [1, '早上'], 明晚: [1, '晚上'], 后天: [2], 大后天: [3],
  today: [0], yesterday: [-1], tomorrow: [1], tonight: [0, '晚上'], 'last night': [-1, '晚上'], 'the day before yesterday': [-2],
};
const REL_RE = new RegExp(
  `(?<![A-Za-z])(${Object.keys(RELATIVE_DAYS).sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`,
  'i',
);

type Rule = [RegExp, (m: RegExpExecArray, t: Ymd) => Omit<Hit, 'start' | 'end'> | null];

const day = (d: Ymd | null, confidence: number, dayPart?: string) =>
  d ? { day: d, precision: 'day' as const, confidence, dayPart } : null;

const RULES: Rule[] = [
  // 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日
  [/(?<![\d.])(\d{4})\s*(?:([-/.])|年)\s*(\d{1,2})\s*(?:\2|月)\s*(\d{1,2})\s*[日号]?(?![\d.]|\d)/, (m) => {
    const [y, mo, d] = [+m[1]!, +m[3]!, +m[4]!];
    return isValid(y, mo, d) ? day({ y, m: mo, d }, 0.95) : null;
  }],
  // 2026年3月
  [/(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号])/, (m) =>
    +m[2]! >= 1 && +m[2]! <= 12 ? { month: { y: +m[1]!, m: +m[2]! }, precision: 'month', confidence: 0.9 } : null],
  // 3月2日, 三月二号, 去年12月3日
  [new RegExp(`(去年|今年|明年|前年)?(\\d{1,2}|${CN_NUM}{1,3})\\s*月\\s*(\\d{1,2}|${CN_NUM}{1,3})\\s*[日号]`), (m, t) => {
    const mo = parseNumber(m[2]!);
    const d = parseNumber(m[3]!);
    if (mo === null || d === null) return null;
    if (m[1]) {
      const y = t.y + { 前年: -2, 去年: -1, 今年: 0, 明年: 1 }[m[1] as '去年']!;
      return isValid(y, mo, d) ? day({ y, m: mo, d }, 0.95) : null;
    }
    return day(nearestYear(t, mo, d), 0.9);
  }],
  // 3/2/2026 (month/day/year)
  [/(?<![\d/.:])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/, (m) =>
    isValid(+m[3]!, +m[1]!, +m[2]!) ? day({ y: +m[3]!, m: +m[1]!, d: +m[2]! }, 0.7) : null],
  // 3/2 (month/day)
  [/(?<![\d/.:A-Za-z第])(\d{1,2})\/(\d{1,2})(?![\d/%]|\.\d|\s*[页张条个次])/, (m, t) => day(nearestYear(t, +m[1]!, +m[2]!), 0.6)],
  // March 2, 2026 / Mar 2nd
  [new RegExp(`(?<![A-Za-z])${EN_MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\d:])`, 'i'), (m, t) => {
    const mo = EN_MONTHS.indexOf(m[1]!.toLowerCase().slice(0, 3)) + 1;
    const d = +m[2]!;
    if (m[3]) return isValid(+m[3], mo, d) ? day({ y: +m[3], m: mo, d }, 0.9) : null;
    return day(nearestYear(t, mo, d), 0.85);
  }],
  // 2 March 2026
  [new RegExp(`(?<![\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+${EN_MONTH_RE}(?![A-Za-z])(?:,?\\s+(\\d{4}))?`, 'i'), (m, t) => {
    const mo = EN_MONTHS.indexOf(m[2]!.toLowerCase().slice(0, 3)) + 1;
    const d = +m[1]!;
    if (m[3]) return isValid(+m[3], mo, d) ? day({ y: +m[3], m: mo, d }, 0.9) : null;
    return day(nearestYear(t, mo, d), 0.85);
  }],
  // 今天, 昨天, 前天, 大前天, 明天, 昨晚, yesterday
  [REL_RE, (m, t) => {
    const [n, part] = RELATIVE_DAYS[m[1]!.toLowerCase()]!;
    return day(addDays(t, n), 0.9, part);
  }],
  // 三天前, 3天前, 两周前, 一个月前, 2 days ago
  [new RegExp(`${N}\\s*(?:个)?\\s*(天|日|周|星期|礼拜|月|年)\\s*(前|以前|之前|后|以后|之后)`), (m, t) => {
    const n = num(m[1]!);
    if (n === null) return null;
    const sign = m[3]!.endsWith('前') ? -1 : 1;
    return rel(t, m[2]!, n * sign);
  }],
  [/(?<![A-Za-z])(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+(ago|later)(?![A-Za-z])/i, (m, t) => {
    const n = num(m[1]!);
    if (n === null) return null;
    return rel(t, { day: '天', week: '周', month: '月', year: '年' }[m[2]!.toLowerCase() as 'day']!, m[3]!.toLowerCase() === 'ago' ? -n : n);
  }],
  // 上周五, 本周一, 下周三, 上上周日
  [/(上上|上|本|这|下下|下)\s*(?:个)?\s*(?:周|星期|礼拜)\s*([一二三四五六日天1-7])/, (m, t) => {
    const shift = { 上上: -14, 上: -7, 本: 0, 这: 0, 下: 7, 下下: 14 }[m[1] as '上']!;
    return day(addDays(mondayOf(t), shift + WD[m[2]!]! - 1), 0.9);
  }],
  // 周五, 星期五 (latest on or before today)
  [/(?<![上本这下个])(?:周|星期|礼拜)([一二三四五六日天1-7])/, (m, t) => {
    const back = (isoWeekday(t) - WD[m[1]!]! + 7) % 7;
    return day(addDays(t, -back), 0.7);
  }],
  // last Friday, this Monday, next Wed, on Friday
  [new RegExp(`(?<![A-Za-z])(last|this|next|on)\\s+${EN_WD_RE}(?![A-Za-z])`, 'i'), (m, t) => {
    const wd = enWd(m[2]!);
    const which = m[1]!.toLowerCase();
    if (which === 'this') return day(addDays(mondayOf(t), wd - 1), 0.85);
    if (which === 'next') return day(addDays(mondayOf(t), 7 + wd - 1), 0.85);
    const back = (isoWeekday(t) - wd + 7) % 7;
    if (which === 'last') return day(addDays(t, -(back || 7)), 0.85);
    return day(addDays(t, -back), 0.7);
  }],
  // 上个月3号
  [new RegExp(`(上|本|这|下)\\s*个?\\s*月\\s*(\\d{1,2}|${CN_NUM}{1,3})\\s*[日号]`), (m, t) => {
    const shift = { 上: -1, 本: 0, 这: 0, 下: 1 }[m[1] as '上']!;
    const first = addMonths({ ...t, d: 1 }, shift);
    const d = parseNumber(m[2]!);
    return d !== null && isValid(first.y, first.m, d) ? day({ ...first, d }, 0.9) : null;
  }],
  // 月底 / 上个月初 / 本月末
  [/(上|本|这|下)?\s*个?\s*月\s*(底|末|初)/, (m, t) => {
    const shift = m[1] ? { 上: -1, 本: 0, 这: 0, 下: 1 }[m[1] as '上']! : 0;
    const first = addMonths({ ...t, d: 1 }, shift);
    return day(m[2] === '初' ? first : { ...first, d: daysInMonth(first.y, first.m) }, 0.7);
  }],
  // 周末, 上周末 (the Saturday of that week)
  [/(上上|上|本|这|下)?\s*个?\s*(?:周末|礼拜天?末)/, (m, t) => {
    const shift = m[1] ? { 上上: -14, 上: -7, 本: 0, 这: 0, 下: 7 }[m[1] as '上']! : isoWeekday(t) >= 6 ? 0 : -7;
    return day(addDays(mondayOf(t), shift + 5), 0.75);
  }],
  // 10号, 3日 alone: that day of this month, or of last month when still ahead (low confidence)
  [new RegExp(`(?<![\\dA-Za-z路街道巷弄栋幢座楼单元月第房室-])(\\d{1,2}|${CN_NUM}{1,3})\\s*[号日](?![\\dA-Za-z楼院线房室门机床位码店栋幢座单元内])`), (m, t) => {
    const d = parseNumber(m[1]!);
    if (d === null || !Number.isInteger(d)) return null;
    const p = d <= t.d ? t : addMonths({ ...t, d: 1 }, -1);
    return isValid(p.y, p.m, d) ? day({ ...p, d }, 0.55) : null;
  }],
  // 上个月, 本月, 下个月, last month
  [/(上上|上|本|这|下)\s*个?\s*月(?![份]?\s*\d|[底初])|(?<![A-Za-z])(last|this|next)\s+month(?![A-Za-z])/i, (m, t) => {
    const key = (m[1] ?? m[2]!).toLowerCase();
    const shift = { 上上: -2, 上: -1, last: -1, 本: 0, 这: 0, this: 0, 下: 1, next: 1 }[key as '上']!;
    const p = addMonths({ ...t, d: 1 }, shift);
    return { month: { y: p.y, m: p.m }, precision: 'month', confidence: 0.85 };
  }],
  // 上周, 这周, last week (the Monday of that week)
  [/(上上|上|本|这|下)\s*个?\s*(?:周|星期|礼拜)(?![一二三四五六日天1-7末])|(?<![A-Za-z])(last|this|next)\s+week(?![A-Za-z])/i, (m, t) => {
    const key = (m[1] ?? m[2]!).toLowerCase();
    const shift = { 上上: -14, 上: -7, last: -7, 本: 0, 这: 0, this: 0, 下: 7, next: 7 }[key as '上']!;
    return { day: addDays(mondayOf(t), shift), precision: 'week', confidence: 0.8 };
  }],
];

function rel(t: Ymd, unit: string, n: number): Omit<Hit, 'start' | 'end'> | null {
  if (unit === '天' || unit === '日') return Number.isInteger(n) ? day(addDays(t, n), 0.9) : null;
  if (unit === '周' || unit === '星期' || unit === '礼拜') return day(addDays(t, Math.round(n * 7)), 0.85);
  if (unit === '月') return Number.isInteger(n) ? day(addMonths(t, n), 0.8) : day(addDays(t, Math.round(n * 30)), 0.7);
  if (unit === '年') return Number.isInteger(n) ? day(addMonths(t, n * 12), 0.75) : null;
  return null;
}

const PART = '(凌晨|早上|早晨|清晨|上午|中午|午后|下午|傍晚|晚上|夜里|夜间|半夜|(?<![昨今明])晚)';
const TIMES: [RegExp, (m: RegExpExecArray) => { h: number; min: number; part?: string } | null][] = [
  // 15:30, 下午3:30
  [new RegExp(`${PART}?\\s*(?<![\\d:.])(\\d{1,2}):(\\d{2})(?::\\d{2})?(?![\\d:])(?:\\s*([ap])\\.?m\\.?(?![A-Za-z]))?`, 'i'), (m) => {
    const h = +m[2]! + (m[4]?.toLowerCase() === 'p' && +m[2]! < 12 ? 12 : 0);
    return { h: m[4]?.toLowerCase() === 'a' && h === 12 ? 0 : h, min: +m[3]!, part: m[1] };
  }],
  // 下午3点, 晚上八点半, 3点15分, 上午十点一刻
  [new RegExp(`${PART}?\\s*(\\d{1,2}|${CN_NUM}{1,3})\\s*[点時时](?!钟前|前)(?:\\s*(半|一刻|三刻|(\\d{1,2}|${CN_NUM}{1,3})\\s*分?))?`), (m) => {
    const h = parseNumber(m[2]!);
    let min = 0;
    if (m[3] === '半') min = 30;
    else if (m[3] === '一刻') min = 15;
    else if (m[3] === '三刻') min = 45;
    else if (m[4]) min = parseNumber(m[4]) ?? -1;
    if (h === null) return null;
    return { h, min, part: m[1], ...(m[1] || m[3] ? {} : { weak: true }) };
  }],
  // 3pm, 10:00 am handled above
  [/(?<![\d:.A-Za-z])(\d{1,2})\s*([ap])\.?m\.?(?![A-Za-z])/i, (m) => {
    const h = +m[1]!;
    if (h > 12) return null;
    return { h: m[2]!.toLowerCase() === 'p' ? (h % 12) + 12 : h % 12, min: 0 };
  }],
];

function applyPart(h: number, part: string | undefined): number {
  if (!part) return h;
  if (/下午|午后|傍晚|晚上|夜里|夜间|^晚$/.test(part)) return h < 12 ? h + 12 : h;
  if (part === '中午') return h < 6 ? h + 12 : h;
  if (/凌晨|半夜/.test(part)) return h === 12 ? 0 : h;
  return h;
}

export function findDates(input: string, { now, timeZone = 'Asia/Shanghai' }: DateOptions): Found[] {
  const text = halfWidth(input);
  const t = today(now, timeZone);
  const hits: Hit[] = [];
  for (const [re, resolve] of RULES)
    for (const m of matches(re, text)) {
      const r = resolve(m, t);
      if (r) hits.push({ ...r, start: m.index, end: m.index + m[0].length });
    }
  // ISO 8601 datetimes: 2026-03-02T15:30:00Z, 2026-03-02T15:30+08:00 (converted to timeZone)
  for (const m of matches(/(?<![\d.])(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?(?![\d])/, text)) {
    const [y, mo, d, h, min] = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!];
    if (!isValid(y, mo, d) || h > 23 || min > 59) continue;
    let when = { y, m: mo, d, h, min };
    if (m[7]) {
      const off = m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (+m[7].slice(1, 3) * 60 + +m[7].slice(-2));
      when = wall(Date.UTC(y, mo - 1, d, h, min) - off * 60_000, timeZone);
    }
    hits.push({ start: m.index, end: m.index + m[0].length, day: { y: when.y, m: when.m, d: when.d }, time: { h: when.h, min: when.min }, precision: 'minute', confidence: 0.95 });
  }
  // N小时前 / N分钟前: a datetime relative to now
  for (const m of matches(new RegExp(`${N}\\s*个?\\s*(小时|钟头|分钟)\\s*(前|以前|之前)|(?<![A-Za-z])(\\d{1,3}|an?|one|two|three)\\s+(hour|minute)s?\\s+ago`, 'i'), text)) {
    const n = num(m[1] ?? m[4]!);
    if (n === null) continue;
    const unit = m[2] ?? m[5]!;
    const ms = n * (/小时|钟头|hour/i.test(unit) ? 3_600_000 : 60_000);
    const w = wall(now.getTime() - ms, timeZone);
    hits.push({ start: m.index, end: m.index + m[0].length, day: { y: w.y, m: w.m, d: w.d }, time: { h: w.h, min: w.min }, precision: 'minute', confidence: 0.85 });
  }
  const dates = dedupe(hits);

  // Times: join the date right before them, or stand for today.
  const times: { start: number; end: number; h: number; min: number; part?: string; weak?: boolean }[] = [];
  for (const [re, resolve] of TIMES)
    for (const m of matches(re, text)) {
      const r = resolve(m) as { h: number; min: number; part?: string; weak?: boolean } | null;
      if (!r || r.min < 0 || r.min > 59) continue;
      times.push({ ...r, start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length });
    }
  times.sort((a, b) => a.start - b.start || b.end - a.end);
  let lastEnd = -1;
  for (const tm of times) {
    if (tm.start < lastEnd) continue;
    const host = dates.find((d) => d.precision === 'day' && d.end <= tm.start && /^[\s,，的在]*(?:at\s+|around\s+)?$/i.test(text.slice(d.end, tm.start)));
    const inside = dates.some((d) => tm.start < d.end && d.start < tm.end);
    if (inside) continue;
    const part = tm.part ?? host?.dayPart;
    let h = applyPart(tm.h, part);
    if (h > 24 || (h === 24 && tm.min > 0)) continue;
    if (!host && tm.weak) continue;
    lastEnd = tm.end;
    let d = host?.day ?? t;
    if (h === 24) {
      h = 0;
      d = addDays(d, 1);
    }
    if (host) {
      host.end = tm.end;
      host.day = d;
      host.time = { h, min: tm.min };
      host.precision = 'minute';
    } else dates.push({ start: tm.start, end: tm.end, day: d, time: { h, min: tm.min }, precision: 'minute', confidence: 0.75 });
  }

  return dates.map((h) => {
    const value = h.month ? isoMonth(h.month) : h.time ? isoDateTime(h.day!, h.time.h, h.time.min, timeZone) : isoDate(h.day!);
    return found('date', value, h.start, h.end, h.confidence, { precision: h.precision });
  });
}

/** Longest hit wins among overlapping ones. */
function dedupe(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Hit[] = [];
  for (const h of sorted) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}
