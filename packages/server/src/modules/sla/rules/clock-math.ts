import type { ClockCalendar } from './sla-types';

// Running time with pauses: the one walk every clock (due time, warning time) is computed with.

/** A stretch of time the clock stood still; `to` null: still paused. */
export interface Pause {
  from: Date;
  to: Date | null;
}

const later = (a: Date, b: Date) => (a.getTime() >= b.getTime() ? a : b);

/**
 * The moment `minutes` of running time (in the calendar's minutes) after `start`, the pauses not
 * counted; null when an open pause is reached first (the moment is not known while paused).
 * Pauses are sorted and do not overlap.
 */
export function momentAfter(cal: ClockCalendar, start: Date, minutes: number, pauses: Pause[]): Date | null {
  let cursor = start;
  let left = minutes;
  for (const p of pauses) {
    if (p.to && p.to.getTime() <= cursor.getTime()) continue;
    const from = later(p.from, cursor);
    const candidate = cal.add(cursor, left);
    if (candidate.getTime() <= from.getTime()) return candidate;
    left -= cal.between(cursor, from);
    if (!p.to) return null;
    cursor = p.to;
  }
  return cal.add(cursor, Math.max(0, left));
}

/** Paused minutes (in the calendar's minutes) of the pauses that ended, from `start` on. */
export function pausedMinutes(cal: ClockCalendar, start: Date, pauses: Pause[]): number {
  let sum = 0;
  for (const p of pauses) if (p.to && p.to.getTime() > start.getTime()) sum += cal.between(later(p.from, start), p.to);
  return Math.round(sum);
}

/**
 * The pauses of a clock running from `start` until `end` (null: still running): the intervals from
 * `start` on, those after `end` dropped and the one holding `end` closed at `end`.
 */
export function clipPauses(pauses: Pause[], start: Date, end: Date | null): Pause[] {
  const out: Pause[] = [];
  for (const p of pauses) {
    if (p.to && p.to.getTime() <= start.getTime()) continue;
    const from = later(p.from, start);
    if (end && from.getTime() >= end.getTime()) break;
    const to = end && (!p.to || p.to.getTime() > end.getTime()) ? end : p.to;
    if (to && to.getTime() <= from.getTime()) continue;
    out.push({ from, to });
  }
  return out;
}

/** Stretches of a status history (`segments`: each status from its moment on) whose status is in `statuses`, merged. */
export function stretchesIn(segments: { from: Date; status: string }[], statuses: Set<string>): Pause[] {
  const out: Pause[] = [];
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (!statuses.has(s.status)) continue;
    const to = segments[i + 1]?.from ?? null;
    const last = out[out.length - 1];
    if (last && last.to && last.to.getTime() === s.from.getTime()) last.to = to;
    else out.push({ from: s.from, to });
  }
  return out.filter((p) => !p.to || p.to.getTime() > p.from.getTime());
}
