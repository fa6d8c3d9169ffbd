// Whether the engineer is on shift now (the dispatch profile's weekly shift, in the tenant's time
// zone): the phone reports its position only then, and only with the engineer's consent.

export interface Shift {
  days: number[];
  start: string;
  end: string;
}

const minutes = (hhmm: string) => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
};

/** `weekday` ISO 1..7, `at` minutes since local midnight. No shift: always on. A night shift belongs to the day it starts. */
export function onShiftAt(shift: Shift | null, weekday: number, at: number): boolean {
  if (!shift) return true;
  const start = minutes(shift.start);
  const end = minutes(shift.end);
  const today = shift.days.includes(weekday);
  const yesterday = shift.days.includes(weekday === 1 ? 7 : weekday - 1);
  if (start === end) return today || (yesterday && at < start);
  if (start < end) return today && at >= start && at < end;
  return (today && at >= start) || (yesterday && at < end);
}

/** The weekday and minutes of an instant in a time zone. */
export function localClock(now: Date, timeZone: string): { weekday: number; at: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit' }).formatToParts(now).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1;
  return { weekday, at: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
}
