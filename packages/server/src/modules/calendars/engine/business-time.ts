// Business time on a calendar: walks day by day over the working intervals (never minute by minute).

import { AppError } from '../../../platform/errors';
import { compile, dayIntervals, noWorkingTime } from './compile';
import type { CalendarSpec } from './types';
import { localDayOf } from './zone';

const MINUTE = 60_000;
/** a search that meets this many days in a row without working time gives up */
const MAX_EMPTY_DAYS = 3 * 366;
/** and no target reaches further than this */
const MAX_DAYS = 100 * 366;

function instant(d: Date, field: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (!Number.isFinite(t)) throw new AppError('VALIDATION_FAILED', `${field} is not a valid time`, { field });
  return t;
}

/** The moment `minutes` working minutes after `from` (from inside or outside working time). */
export function addBusinessMinutes(cal: CalendarSpec, from: Date, minutes: number): Date {
  const start = instant(from, 'from');
  if (!Number.isFinite(minutes) || minutes < 0) throw new AppError('VALIDATION_FAILED', 'minutes must be a number of minutes, 0 or more', { field: 'minutes' });
  const c = compile(cal);
  if (c.alwaysOpen) return new Date(start + minutes * MINUTE);
  if (!c.anyWork) throw noWorkingTime(cal.name);
  let left = Math.round(minutes * MINUTE);
  if (left === 0) return new Date(start);
  const first = localDayOf(c.timeZone, start);
  let empty = 0;
  for (let day = first; day < first + MAX_DAYS; day++) {
    const iv = dayIntervals(c, day);
    let worked = false;
    for (let i = 0; i < iv.length; i += 2) {
      const e = iv[i + 1];
      if (e <= start) continue;
      const s = iv[i] > start ? iv[i] : start;
      worked = true;
      if (left <= e - s) return new Date(s + left);
      left -= e - s;
    }
    empty = worked ? 0 : empty + 1;
    if (empty > MAX_EMPTY_DAYS) throw noWorkingTime(cal.name);
  }
  throw new AppError('VALIDATION_FAILED', `${minutes} working minutes reach beyond 100 years on "${cal.name}": give a smaller target`, { field: 'minutes' });
}

/** Working minutes in [from, to); 0 when to is not after from. Fractions of a minute are kept. */
export function businessMinutesBetween(cal: CalendarSpec, from: Date, to: Date): number {
  const a = instant(from, 'from');
  const b = instant(to, 'to');
  if (b <= a) return 0;
  const c = compile(cal);
  if (c.alwaysOpen) return (b - a) / MINUTE;
  if (!c.anyWork) return 0;
  let total = 0;
  const last = localDayOf(c.timeZone, b);
  for (let day = localDayOf(c.timeZone, a); day <= last; day++) {
    const iv = dayIntervals(c, day);
    for (let i = 0; i < iv.length; i += 2) {
      const s = iv[i] > a ? iv[i] : a;
      const e = iv[i + 1] < b ? iv[i + 1] : b;
      if (e > s) total += e - s;
    }
  }
  return total / MINUTE;
}

/** Whether `at` falls in working time. */
export function isWorkingTime(cal: CalendarSpec, at: Date): boolean {
  const t = instant(at, 'at');
  const c = compile(cal);
  if (c.alwaysOpen) return true;
  const iv = dayIntervals(c, localDayOf(c.timeZone, t));
  for (let i = 0; i < iv.length; i += 2) if (iv[i] <= t && t < iv[i + 1]) return true;
  return false;
}
