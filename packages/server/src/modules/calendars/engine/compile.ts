// A CalendarSpec compiled for walking: interval minutes per weekday, exceptions by day number, and
// per day the working intervals as instants (cached; a calendar's day is computed once).

import { AppError } from '../../../platform/errors';
import type { CalendarSpec, Interval } from './types';
import { dayNumber, isoWeekday, localToUtc } from './zone';

const DAY_MS = 86_400_000;
const MINUTE = 60_000;
const MAX_DAYS_CACHED = 20_000;

export interface Compiled {
  timeZone: string;
  alwaysOpen: boolean;
  /** index 1..7 → flat [start, end, start, end…] in minutes of the local day */
  week: number[][];
  exceptions: Map<number, number[]>;
  /** whether any day can have working time at all */
  anyWork: boolean;
  dayCache: Map<number, number[]>;
}

const compiledSpecs = new WeakMap<CalendarSpec, Compiled>();

/** "09:30" → 570; "24:00" → 1440; anything else → NaN */
export function minuteOf(hhmm: string): number {
  const m = typeof hhmm === 'string' ? /^([01]\d|2[0-4]):([0-5]\d)$/.exec(hhmm) : null;
  if (!m) return NaN;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v > 1440 ? NaN : v;
}

function flatten(intervals: Interval[] | null | undefined): number[] {
  const out: number[] = [];
  for (const [a, b] of intervals ?? []) {
    const s = minuteOf(a);
    const e = minuteOf(b);
    if (Number.isNaN(s) || Number.isNaN(e) || e <= s) continue; // validation rejects these before storing
    out.push(s, e);
  }
  return out;
}

export function compile(spec: CalendarSpec): Compiled {
  let c = compiledSpecs.get(spec);
  if (c) return c;
  const week: number[][] = [[]];
  for (let d = 1; d <= 7; d++) week.push(flatten(spec.week?.[String(d) as '1']));
  let monday = week[1];
  if (monday.length === 0) monday = week.slice(1, 6).find((w) => w.length > 0) ?? [];
  const exceptions = new Map<number, number[]>();
  for (const d of spec.days ?? []) {
    const n = dayNumber(d.day);
    if (Number.isNaN(n)) continue;
    exceptions.set(n, d.kind === 'holiday' ? [] : d.hours ? flatten(d.hours) : monday);
  }
  const anyWork = spec.alwaysOpen || week.some((w) => w.length > 0) || [...exceptions.values()].some((w) => w.length > 0);
  c = { timeZone: spec.timeZone || 'Asia/Shanghai', alwaysOpen: spec.alwaysOpen, week, exceptions, anyWork, dayCache: new Map() };
  compiledSpecs.set(spec, c);
  return c;
}

/** The working intervals of a local day as instants: flat [start, end, …] in ms, ascending. */
export function dayIntervals(c: Compiled, dayNum: number): number[] {
  let v = c.dayCache.get(dayNum);
  if (v) return v;
  const minutes = c.exceptions.get(dayNum) ?? c.week[isoWeekday(dayNum)];
  v = [];
  const base = dayNum * DAY_MS;
  for (let i = 0; i < minutes.length; i += 2) {
    const s = localToUtc(c.timeZone, base + minutes[i] * MINUTE);
    const e = localToUtc(c.timeZone, base + minutes[i + 1] * MINUTE);
    if (e > s) v.push(s, e);
  }
  if (c.dayCache.size > MAX_DAYS_CACHED) c.dayCache.clear();
  c.dayCache.set(dayNum, v);
  return v;
}

export const noWorkingTime = (name: string) =>
  new AppError('CALENDAR_NO_WORKING_TIME', `The calendar "${name}" has no working time within 3 years: give some weekdays working intervals, or mark it 7×24`, { field: 'week' });
