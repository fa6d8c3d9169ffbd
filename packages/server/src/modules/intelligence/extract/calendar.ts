/**
 * Plain calendar arithmetic on {y, m, d} (no time zone), plus conversion of `now` to the wall
 * clock of an IANA time zone and of a wall time back to an offset.
 */
export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number;
}

const utc = (p: Ymd) => Date.UTC(p.y, p.m - 1, p.d);
const fromUtc = (t: number): Ymd => {
  const x = new Date(t);
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
};

export const addDays = (p: Ymd, n: number): Ymd => fromUtc(utc(p) + n * 86_400_000);
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Adds months, clamping the day to the month's end (2026-03-31 − 1 month = 2026-02-28). */
export function addMonths(p: Ymd, n: number): Ymd {
  const idx = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return { y, m, d: Math.min(p.d, daysInMonth(y, m)) };
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export const isoWeekday = (p: Ymd) => ((new Date(utc(p)).getUTCDay() + 6) % 7) + 1;
/** Monday of the week holding `p` (weeks start on Monday). */
export const mondayOf = (p: Ymd) => addDays(p, 1 - isoWeekday(p));

export const isValid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
export const diffDays = (a: Ymd, b: Ymd) => Math.round((utc(a) - utc(b)) / 86_400_000);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const isoDate = (p: Ymd) => `${pad(p.y, 4)}-${pad(p.m)}-${pad(p.d)}`;
export const isoMonth = (p: { y: number; m: number }) => `${pad(p.y, 4)}-${pad(p.m)}`;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The wall clock of instant `t` in `timeZone` straight from Intl (what `wall` caches the offset of). */
export function intlWall(t: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const get = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return { y: +get.year!, m: +get.month!, d: +get.day!, h: +get.hour! % 24, min: +get.minute!, s: +get.second! };
}

// Offsets change only at transitions, which fall on whole quarter hours of UTC: one Intl call per zone
// and quarter hour instead of one per call (formatting is the costliest step of finding dates).
const QUARTER_HOUR = 900_000;
const offsets = new Map<string, { bucket: number; offset: number }>();
function offsetOf(t: number, timeZone: string): number {
  const bucket = Math.floor(t / QUARTER_HOUR);
  const known = offsets.get(timeZone);
  if (known?.bucket === bucket) return known.offset;
  const start = bucket * QUARTER_HOUR;
  const w = intlWall(start, timeZone);
  const offset = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - start;
  offsets.set(timeZone, { bucket, offset });
  return offset;
}

/** The wall clock of instant `t` in `timeZone`. */
export function wall(t: number, timeZone: string) {
  const x = new Date(Math.floor(t / 1000) * 1000 + offsetOf(t, timeZone));
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate(), h: x.getUTCHours(), min: x.getUTCMinutes(), s: x.getUTCSeconds() };
}

/** The calendar day of `now` in `timeZone`. */
export function today(now: Date, timeZone: string): Ymd {
  const w = wall(now.getTime(), timeZone);
  return { y: w.y, m: w.m, d: w.d };
}

const offsetAt = (t: number, timeZone: string) => {
  const w = wall(t, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(t / 1000) * 1000;
};

/** "2026-03-02T15:30:00+08:00" for a wall-clock time in `timeZone`. */
export function isoDateTime(p: Ymd, h: number, min: number, timeZone: string): string {
  const local = Date.UTC(p.y, p.m - 1, p.d, h, min);
  let off = offsetAt(local, timeZone);
  off = offsetAt(local - off, timeZone);
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off) / 60_000;
  return `${isoDate(p)}T${pad(h)}:${pad(min)}:00${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}
