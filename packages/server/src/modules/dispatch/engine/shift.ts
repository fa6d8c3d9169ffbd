// Shifts and certification days on the tenant's calendar (IANA time zone), from the injected `now`.
import type { Shift, WorkCalendar } from './types';

/** Wall-clock facts of one instant in one zone. */
export interface LocalTime {
  /** "YYYY-MM-DD" */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  /** minutes since local midnight */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
// One decision asks the same (zone, instant) for every person: remember the last answer.
let last: { zone: string; ms: number; value: LocalTime } | null = null;

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function localTime(now: Date, timeZone: string): LocalTime {
  const ms = now.getTime();
  if (last && last.ms === ms && last.zone === timeZone) return last.value;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(now)) parts[p.type] = p.value;
  const value: LocalTime = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday] ?? 1,
    minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
  };
  last = { zone: timeZone, ms, value };
  return value;
}

/** "HH:MM" → minutes since midnight ("24:00" allowed as the end of the day). */
export function clockMinutes(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** The local date before "YYYY-MM-DD". */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Whether a shift starts on this local day: its weekdays, or for a shift that follows the working calendar
 * the calendar's say first — none on a public holiday, one on a make-up working day. */
export function shiftStartsOn(shift: Shift, date: string, weekday: number, calendar?: WorkCalendar | null): boolean {
  if (shift.followsCalendar && calendar) {
    if (calendar.workdays.has(date)) return true;
    if (calendar.holidays.has(date)) return false;
  }
  return shift.days.includes(weekday);
}

/**
 * Whether a weekly shift covers the local time. A night shift (end before start) belongs to the day
 * it starts: Friday 22:00–06:00 covers Friday from 22:00 and Saturday until 06:00. start == end is a
 * 24-hour shift starting on its days. A shift that follows the working calendar starts on the days
 * `shiftStartsOn` says.
 */
export function onShift(shift: Shift | null, t: LocalTime, calendar?: WorkCalendar | null): boolean {
  if (!shift) return true;
  const start = clockMinutes(shift.start);
  const end = clockMinutes(shift.end);
  if (start < end) return t.minutes >= start && t.minutes < end && shiftStartsOn(shift, t.date, t.weekday, calendar);
  if (t.minutes >= start && shiftStartsOn(shift, t.date, t.weekday, calendar)) return true;
  return t.minutes < end && shiftStartsOn(shift, dayBefore(t.date), t.weekday === 1 ? 7 : t.weekday - 1, calendar);
}

/** The public holiday (its name) that keeps a shift following the calendar from covering the local time —
 * its weekdays alone would cover it — or null: what the 'shift' rule's reason names. */
export function holidayOff(shift: Shift, t: LocalTime, calendar?: WorkCalendar | null): string | null {
  if (!shift.followsCalendar || !calendar || onShift(shift, t, calendar) || !onShift({ ...shift, followsCalendar: false }, t)) return null;
  // the day the covering shift started: yesterday for the small hours of a night shift
  const night = clockMinutes(shift.start) >= clockMinutes(shift.end);
  return calendar.holidays.get(night && t.minutes < clockMinutes(shift.end) ? dayBefore(t.date) : t.date) ?? null;
}

/** A certification is valid through its `expires` day (inclusive) in the tenant's zone; null: it never expires. */
export function certificationValid(expires: string | null, day: string): boolean {
  return expires === null || expires >= day;
}
