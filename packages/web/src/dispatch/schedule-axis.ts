import type { DayRoute } from './dispatch-types';

// The geometry of the 日程 board (调度看板), pure: the day's span on the time axis, where a time falls on it,
// and the bars of an engineer's stored day plan (travel, visits, the break) as shares of the axis. The axis
// covers at least 08:00–18:00 of the day in the browser's zone, widened in whole hours to the plans, and
// never past the day's midnights: a visit running over them is cut at the edge and says so.

const HOUR = 3_600_000;
export const MIN_FROM_HOUR = 8;
export const MIN_TO_HOUR = 18;

export interface Span {
  start: number;
  end: number;
}

/** [left, left + width] in percent of the axis */
export interface Segment {
  left: number;
  width: number;
}

export interface VisitBar extends Segment {
  ticketId: string;
  arriveAt: string;
  startAt: string;
  endAt: string;
  travelKm: number;
  late: boolean;
  slaDueAt: string | null;
  /** the SLA deadline's place on the axis, when it has one within it */
  slaX: number | null;
  /** the visit starts before the axis (cut at its start) / ends after it (cut at its end) */
  cutStart: boolean;
  cutEnd: boolean;
}

export interface RouteBars {
  travel: Segment[];
  visits: VisitBar[];
  break: Segment | null;
}

/** Local midnight of a YYYY-MM-DD day, plus `hours`. */
export function dayAt(date: string, hours = 0): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d, hours).getTime();
}

/** The axis of a day: 08:00–18:00 at least, out to the first arrival and the last end in whole hours, within the day. */
export function daySpan(date: string, routes: DayRoute[]): Span {
  const dayStart = dayAt(date);
  const dayEnd = dayAt(date, 24);
  let start = dayAt(date, MIN_FROM_HOUR);
  let end = dayAt(date, MIN_TO_HOUR);
  for (const r of routes) {
    const times = r.stops.flatMap((s) => [Date.parse(s.arriveAt), Date.parse(s.endAt)]);
    if (r.break) times.push(Date.parse(r.break.startAt), Date.parse(r.break.endAt));
    for (const at of times) {
      if (at < start) start = dayStart + Math.floor((at - dayStart) / HOUR) * HOUR;
      if (at > end) end = dayStart + Math.ceil((at - dayStart) / HOUR) * HOUR;
    }
  }
  return { start: Math.max(start, dayStart), end: Math.min(end, dayEnd) };
}

/** Where a time falls on the axis, in percent (0 and 100 at its edges; outside: clamped). */
export function xOf(span: Span, at: number): number {
  const x = ((at - span.start) / (span.end - span.start)) * 100;
  return Math.min(100, Math.max(0, x));
}

/** The segment from one time to another, cut to the axis; null when nothing of it is on the axis. */
export function segmentOf(span: Span, from: number, to: number): Segment | null {
  if (to <= span.start || from >= span.end || to <= from) return null;
  const left = xOf(span, from);
  return { left, width: xOf(span, to) - left };
}

/** The whole hours of the axis, with their place. */
export function hourTicks(span: Span): { at: number; x: number; hour: number }[] {
  const ticks = [];
  for (let at = Math.ceil(span.start / HOUR) * HOUR; at <= span.end; at += HOUR) ticks.push({ at, x: xOf(span, at), hour: new Date(at).getHours() });
  return ticks;
}

/**
 * The bars of a day plan: before each visit but the first, the way from the previous stop's end to the
 * arrival (the plan does not say when the first way starts); each visit from its start to its end, late
 * when the plan expects it after its SLA deadline; the break.
 */
export function routeBars(route: DayRoute, span: Span): RouteBars {
  const travel: Segment[] = [];
  const visits: VisitBar[] = [];
  route.stops.forEach((s, i) => {
    const prev = route.stops[i - 1];
    const way = prev ? segmentOf(span, Date.parse(prev.endAt), Date.parse(s.arriveAt)) : null;
    if (way) travel.push(way);
    const from = Date.parse(s.startAt);
    const to = Date.parse(s.endAt);
    const bar = segmentOf(span, from, to);
    if (!bar) return;
    const due = s.slaDueAt ? Date.parse(s.slaDueAt) : null;
    visits.push({
      ...bar,
      ticketId: s.ticketId,
      arriveAt: s.arriveAt,
      startAt: s.startAt,
      endAt: s.endAt,
      travelKm: s.travelKm,
      late: s.late === true,
      slaDueAt: s.slaDueAt ?? null,
      slaX: due !== null && due >= span.start && due <= span.end ? xOf(span, due) : null,
      cutStart: from < span.start,
      cutEnd: to > span.end,
    });
  });
  const rest = route.break ? segmentOf(span, Date.parse(route.break.startAt), Date.parse(route.break.endAt)) : null;
  return { travel, visits, break: rest };
}
