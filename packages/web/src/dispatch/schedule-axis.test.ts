import { describe, expect, it } from 'vitest';
import type { DayRoute } from './dispatch-types';
import { dayAt, daySpan, hourTicks, routeBars, segmentOf, xOf } from './schedule-axis';

// Times are the browser's wall clock on 2026-12-07, whatever zone the test runs in.
const at = (h: number, m = 0) => new Date(2026, 11, 7, h, m).toISOString();
const DAY = '2026-12-07';

const stop = (ticketId: string, arrive: [number, number], start: [number, number], end: [number, number], extra: Partial<DayRoute['stops'][number]> = {}) => ({
  ticketId,
  arriveAt: at(...arrive),
  startAt: at(...start),
  endAt: at(...end),
  lat: 31.2,
  lng: 121.4,
  travelKm: 4.2,
  ...extra,
});

const route = (stops: DayRoute['stops'], brk: DayRoute['break'] = null): DayRoute => ({ userId: 'u1', date: DAY, stops, break: brk, unplanned: [], km: 12.6, reason: 'team', planned_at: at(7) });

describe('the schedule axis', () => {
  it('spans 08:00–18:00 at least', () => {
    expect(daySpan(DAY, [])).toEqual({ start: dayAt(DAY, 8), end: dayAt(DAY, 18) });
    expect(daySpan(DAY, [route([stop('t1', [9, 0], [9, 0], [10, 0])])])).toEqual({ start: dayAt(DAY, 8), end: dayAt(DAY, 18) });
  });

  it('widens in whole hours to the first arrival and the last end, never past the day', () => {
    expect(daySpan(DAY, [route([stop('t1', [6, 40], [7, 0], [8, 0])]), route([stop('t2', [18, 5], [18, 10], [19, 20])])])).toEqual({ start: dayAt(DAY, 6), end: dayAt(DAY, 20) });
    // a night visit running past midnight: the axis stops at 24:00
    const night = route([stop('t3', [22, 0], [22, 30], [1, 0])].map((s) => ({ ...s, endAt: new Date(2026, 11, 8, 1, 0).toISOString() })));
    expect(daySpan(DAY, [night])).toEqual({ start: dayAt(DAY, 8), end: dayAt(DAY, 24) });
  });

  it('places times in percent, clamped to the axis', () => {
    const span = { start: dayAt(DAY, 8), end: dayAt(DAY, 18) };
    expect(xOf(span, dayAt(DAY, 13))).toBe(50);
    expect(xOf(span, dayAt(DAY, 6))).toBe(0);
    expect(xOf(span, dayAt(DAY, 20))).toBe(100);
    expect(segmentOf(span, dayAt(DAY, 19), dayAt(DAY, 20))).toBeNull();
    expect(hourTicks(span).map((t) => t.hour)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(hourTicks(span)[1].x).toBe(10);
  });
});

describe('the bars of a day plan', () => {
  const span = { start: dayAt(DAY, 8), end: dayAt(DAY, 18) };

  it('draws the way from the previous end to the arrival, the visits, the break', () => {
    const bars = routeBars(
      route([stop('t1', [9, 0], [9, 0], [10, 0]), stop('t2', [10, 30], [11, 0], [12, 0], { slaDueAt: at(10, 0), late: true })], { startAt: at(12, 0), endAt: at(13, 0) }),
      span,
    );
    // the first way has no known start: only the one between the visits
    expect(bars.travel).toEqual([{ left: 20, width: 5 }]);
    expect(bars.visits.map(({ ticketId, left, width, late, slaX }) => ({ ticketId, left, width, late, slaX }))).toEqual([
      { ticketId: 't1', left: 10, width: 10, late: false, slaX: null },
      { ticketId: 't2', left: 30, width: 10, late: true, slaX: 20 },
    ]);
    expect(bars.break).toEqual({ left: 40, width: 10 });
  });

  it('cuts a visit crossing the end of the axis, and says so', () => {
    const bars = routeBars(route([stop('t1', [16, 0], [17, 0], [19, 0])]), span);
    expect(bars.visits[0]).toMatchObject({ left: 90, width: 10, cutStart: false, cutEnd: true });
    const early = routeBars(route([stop('t0', [7, 0], [7, 30], [8, 30])]), span);
    expect(early.visits[0]).toMatchObject({ left: 0, width: 5, cutStart: true, cutEnd: false });
  });

  it('leaves out what is wholly off the axis, and a deadline outside it', () => {
    const bars = routeBars(route([stop('t1', [18, 30], [18, 30], [19, 0], { slaDueAt: at(18, 45) })]), span);
    expect(bars.visits).toEqual([]);
    const due = routeBars(route([stop('t2', [9, 0], [9, 0], [10, 0], { slaDueAt: at(19, 0) })]), span);
    expect(due.visits[0].slaX).toBeNull();
  });
});
