// Time zones through Intl: the UTC offset of a zone at an instant, and local wall time → instant
// (DST gaps move forward, ambiguous times take the first occurrence). Offsets are cached per zone in
// 15-minute buckets (every zone's transitions fall on such boundaries), so a due-time computation
// calls Intl only the first time it meets a stretch of time.

import { AppError } from '../../../platform/errors';

const MINUTE = 60_000;
const BUCKET = 15 * MINUTE;
const MAX_CACHED = 200_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw new AppError('VALIDATION_FAILED', `Unknown time zone "${timeZone}": use an IANA name such as Asia/Shanghai`, {
        field: 'timeZone',
        details: [{ field: 'timeZone', code: 'invalid_time_zone', message: `Unknown time zone "${timeZone}": use an IANA name such as Asia/Shanghai`, value: timeZone }],
      });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

function computeOffset(timeZone: string, utcMs: number): number {
  const parts = formatterOf(timeZone).formatToParts(new Date(utcMs));
  const v: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') v[p.type] = Number(p.value);
  const asUtc = Date.UTC(v.year, v.month - 1, v.day, v.hour === 24 ? 0 : v.hour, v.minute, v.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The zone's offset from UTC (ms, local − UTC) at an instant. */
export function offsetAt(timeZone: string, utcMs: number): number {
  let cache = offsetCaches.get(timeZone);
  if (!cache) offsetCaches.set(timeZone, (cache = new Map()));
  const bucket = Math.floor(utcMs / BUCKET);
  let off = cache.get(bucket);
  if (off === undefined) {
    if (cache.size > MAX_CACHED) cache.clear();
    off = computeOffset(timeZone, bucket * BUCKET);
    cache.set(bucket, off);
  }
  return off;
}

/** The instant of a local wall time given as ms since 1970-01-01T00:00 local. */
export function localToUtc(timeZone: string, localMs: number): number {
  const o1 = offsetAt(timeZone, localMs);
  const t1 = localMs - o1;
  const o2 = offsetAt(timeZone, t1);
  if (o1 === o2) return t1;
  const t2 = localMs - o2;
  if (offsetAt(timeZone, t2) === o2) return t2;
  return Math.max(t1, t2); // in a DST gap: the wall time moved forward
}

/** Days since 1970-01-01 of the local date at an instant. */
export function localDayOf(timeZone: string, utcMs: number): number {
  return Math.floor((utcMs + offsetAt(timeZone, utcMs)) / 86_400_000);
}

/** 'YYYY-MM-DD' → days since 1970-01-01, or NaN. */
export function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return ms / 86_400_000;
}

/** days since 1970-01-01 → 'YYYY-MM-DD' */
export function dayString(dayNum: number): string {
  return new Date(dayNum * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; 1970-01-01 was a Thursday. */
export function isoWeekday(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}
