// Pure rules of a calendar's content: working intervals (HH:MM, ordered, not overlapping, "24:00" may
// end one), the dated days (unique, valid dates), the time zone. Each error names the field to fix.

import { AppError, invalid, type FieldIssue } from '../../platform/errors';
import { canonicalTimeZone } from '../identity';
import { ISO_WEEKDAYS, minuteOf, type CalendarDay, type CalendarSpec, type Interval, type IsoWeekday } from './engine';
import { dayNumber } from './engine';

export const MAX_DAYS = 2000;
export const MAX_INTERVALS_PER_DAY = 12;

export interface CalendarContent {
  timeZone: string;
  alwaysOpen: boolean;
  week: Record<IsoWeekday, Interval[]>;
  days: CalendarDay[];
}

/** Ordered, non-overlapping HH:MM intervals, or an error naming `field`. */
export function checkIntervals(field: string, intervals: Interval[]): Interval[] {
  if (intervals.length > MAX_INTERVALS_PER_DAY)
    throw new AppError('CALENDAR_INVALID_INTERVAL', `${field}: at most ${MAX_INTERVALS_PER_DAY} working intervals a day`, { field });
  let lastEnd = -1;
  intervals.forEach(([a, b], i) => {
    const f = `${field}.${i}`;
    const s = minuteOf(a);
    const e = minuteOf(b);
    if (Number.isNaN(s) || s >= 1440)
      throw new AppError('CALENDAR_INVALID_INTERVAL', `${f}: the start "${a}" is not a time HH:MM between 00:00 and 23:59`, { field: f });
    if (Number.isNaN(e))
      throw new AppError('CALENDAR_INVALID_INTERVAL', `${f}: the end "${b}" is not a time HH:MM between 00:01 and 24:00`, { field: f });
    if (e <= s) throw new AppError('CALENDAR_INVALID_INTERVAL', `${f}: the end ${b} must be after the start ${a}`, { field: f });
    if (s < lastEnd)
      throw new AppError('CALENDAR_INTERVALS_OVERLAP', `${f}: ${a}–${b} overlaps or comes before the interval ahead of it; order the intervals by time without overlaps`, { field: f });
    lastEnd = e;
  });
  return intervals.map(([a, b]) => [a, b]);
}

export function checkTimeZone(tz: string): string {
  const canonical = canonicalTimeZone(tz);
  if (!canonical) throw invalid('timeZone', `"${tz}" is not an IANA time zone; use a name such as Asia/Shanghai`, 'invalid_time_zone', tz);
  return canonical;
}

export function checkWeek(week: Partial<Record<string, Interval[]>>): Record<IsoWeekday, Interval[]> {
  const out = {} as Record<IsoWeekday, Interval[]>;
  for (const d of ISO_WEEKDAYS) out[d] = checkIntervals(`week.${d}`, week[d] ?? []);
  return out;
}

export function checkDays(days: CalendarDay[], field = 'days'): CalendarDay[] {
  if (days.length > MAX_DAYS) throw invalid(field, `At most ${MAX_DAYS} dated days per calendar`, 'too_many');
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  const out = days.map((d, i) => {
    const f = `${field}.${i}`;
    if (Number.isNaN(dayNumber(d.day))) issues.push({ field: `${f}.day`, code: 'invalid', message: `${f}.day: "${d.day}" is not a date YYYY-MM-DD`, value: d.day });
    else if (seen.has(d.day)) issues.push({ field: `${f}.day`, code: 'duplicate', message: `${f}.day: ${d.day} is listed twice; keep one entry per date`, value: d.day });
    seen.add(d.day);
    const hours = d.kind === 'workday' && d.hours && d.hours.length > 0 ? checkIntervals(`${f}.hours`, d.hours) : null;
    return { day: d.day, kind: d.kind, name: d.name.trim(), hours };
  });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues[0].message, { field: issues[0].field, details: issues });
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Whole content checked; a calendar that is not 7×24 needs some working time. */
export function checkContent(c: CalendarContent): CalendarContent {
  const timeZone = checkTimeZone(c.timeZone);
  const week = checkWeek(c.week);
  const days = checkDays(c.days);
  if (!c.alwaysOpen && ISO_WEEKDAYS.every((d) => week[d].length === 0))
    throw new AppError('CALENDAR_NO_WORKING_TIME', 'Give at least one weekday working intervals, or mark the calendar 7×24', { field: 'week' });
  return { timeZone, alwaysOpen: c.alwaysOpen, week, days };
}

export const STANDARD_WEEK: Record<IsoWeekday, Interval[]> = {
  '1': [['09:00', '12:00'], ['13:30', '18:00']],
  '2': [['09:00', '12:00'], ['13:30', '18:00']],
  '3': [['09:00', '12:00'], ['13:30', '18:00']],
  '4': [['09:00', '12:00'], ['13:30', '18:00']],
  '5': [['09:00', '12:00'], ['13:30', '18:00']],
  '6': [],
  '7': [],
};

export const nameConflict = (name: string) => new AppError('CONFLICT', `A calendar named "${name}" already exists; choose another name`, { field: 'name' });

export type { CalendarSpec };
