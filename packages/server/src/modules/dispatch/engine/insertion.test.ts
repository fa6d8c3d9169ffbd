import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ctxAt, need, NOW, person } from './fixtures.test-support';
import { travelMinutesBetween } from './geo';
import { insertion } from './insertion';
import type { DecisionContext, LatLng, Need, Person, Stop } from './types';

// 插单: a new job goes where it adds the least travel while everything on time stays on time; a tight
// ticket goes before day-long jobs; with nothing on time possible, where the most slack is left.
const at = (min: number) => new Date(NOW.getTime() + min * 60_000);
// ~1.11 km per 0.01° of latitude: at 30 km/h, 0.01° ≈ 2.2 min
const north = (km: number): LatLng => [31.2 + km / 111.2, 121.5];
const stop = (id: string, where: LatLng, dueMin: number | null, duration = 60): Stop => ({ ticketId: id, at: where, durationMinutes: duration, dueAt: dueMin === null ? null : at(dueMin) });
const ctx = ctxAt();

describe('insertion (插单)', () => {
  it('without stops: after the work in hand, from where the person will be free', () => {
    const p = person('p', { home: north(0), busyMinutes: 30, freeAt: north(5) });
    const r = insertion(p, need('单1', { location: north(20), dueAt: at(120) }), ctx);
    expect(r.index).toBe(0);
    expect(r.km).toBeCloseTo(15, 1);
    expect(r.travelMinutes).toBeCloseTo(30, 1);
    expect(r.arrivalMinutes).toBeCloseTo(60, 1);
    expect(r.slackMinutes).toBeCloseTo(60, 1);
  });

  it('puts a tight ticket before day-long jobs, which stay on time', () => {
    const p = person('p', { home: north(0), busyMinutes: 10, freeAt: north(0), stops: [stop('长1', north(10), 600), stop('长2', north(20), 600)] });
    const r = insertion(p, need('急', { location: north(2), dueAt: at(30) }), ctx);
    expect(r.index).toBe(0);
    expect(r.arrivalMinutes).toBeCloseTo(14, 0);
    expect(r.slackMinutes).toBeCloseTo(16, 0);
  });

  it('plans a booked visit (预约上门) from its window’s start: a job due before it goes ahead in the wait, a job after it waits for it', () => {
    // booked 14:00–16:00 (300–420 min from now), 20 km away; nothing else in hand
    const booked: Stop = { ...stop('约', north(20), 420), notBefore: at(300) };
    const p = person('p', { home: north(0), busyMinutes: 0, freeAt: north(0), stops: [booked] });
    // next door to it, due in 3 h: after the booked visit it would be reached at 360 min (not at 100, as if
    // the booked one were done at once) — it goes first, and the booked one still starts on time
    const before = insertion(p, need('先做', { location: north(20), dueAt: at(180), durationMinutes: 30 }), ctx);
    expect(before.index).toBe(0);
    expect(before.arrivalMinutes).toBeCloseTo(40, 0);
    expect(before.slackMinutes).toBeCloseTo(120, 0);
    // a new booked job: arrives no earlier than its own window
    const later = insertion(p, need('也约了', { location: north(20), dueAt: at(600), notBefore: at(480) }), ctx);
    expect(later.index).toBe(1);
    expect(later.arrivalMinutes).toBeCloseTo(480, 0);
    // a job that would push the booked visit past its window's end does not go before it
    const long = insertion(p, need('长活', { location: north(10), dueAt: at(900), durationMinutes: 400 }), ctx);
    expect(long.index).toBe(1);
  });

  it('does a job on the way on the way, and not before a stop it would make late', () => {
    const stops = [stop('甲', north(0), 600), stop('乙', north(20), 600)];
    const p = person('p', { home: north(0), busyMinutes: 0, freeAt: north(0), stops });
    // 10 km north lies between 甲 (0 km) and 乙 (20 km): no extra travel there
    const onTheWay = insertion(p, need('顺路', { location: north(10), dueAt: at(600) }), ctx);
    expect(onTheWay.index).toBe(1);
    expect(onTheWay.travelMinutes).toBeCloseTo(0, 1);
    // 乙 due soon after its planned arrival (60 min on 甲 + 40 min of trip): the new job cannot go before it
    const tight = person('p', { home: north(0), busyMinutes: 0, freeAt: north(0), stops: [stops[0], stop('乙', north(20), 110)] });
    const r = insertion(tight, need('顺路', { location: north(10), dueAt: at(600) }), ctx);
    expect(r.index).toBe(2);
    expect(r.travelMinutes).toBeCloseTo(20, 1);
  });

  it('with no place on time, the place that leaves the most slack', () => {
    const p = person('p', { home: north(0), busyMinutes: 50, freeAt: north(0), stops: [stop('甲', north(5), 600)] });
    const r = insertion(p, need('晚', { location: north(0), dueAt: at(20) }), ctx);
    expect(r.index).toBe(0);
    expect(r.slackMinutes).toBeCloseTo(-30, 1);
  });

  it('a need without a site adds no travel and goes at the end', () => {
    const p = person('p', { home: north(0), stops: [stop('甲', north(5), 600)] });
    const r = insertion(p, need('远程', { location: null, dueAt: at(600) }), ctx);
    expect(r).toMatchObject({ index: 1, km: null, travelMinutes: null });
  });
});

// The chosen place against every place tried by walking the route: its figures are the walk's, it is on
// time whenever some place is, and no place on time adds less travel.
describe('insertion against a brute-force walk of every place', () => {
  const latLng = fc.tuple(fc.double({ min: 31.1, max: 31.3, noNaN: true }), fc.double({ min: 121.4, max: 121.6, noNaN: true }));
  const stopArb = fc.record({ at: latLng, duration: fc.integer({ min: 0, max: 120 }), due: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }) });

  /** Arrival at every job of the route with `need` at place i; the least slack of the new job and the delayed jobs on time before. */
  function walk(p: Person, n: Need, i: number, c: DecisionContext) {
    const stops = p.stops ?? [];
    const route = [...stops.slice(0, i), { ticketId: 'new', at: n.location, durationMinutes: n.durationMinutes, dueAt: n.dueAt }, ...stops.slice(i)];
    const slackOf = (list: typeof route) => {
      let t = p.busyMinutes ?? 0;
      let prev = p.freeAt!;
      return list.map((s) => {
        t += travelMinutesBetween(prev, s.at!, c);
        const out = { id: s.ticketId, arrival: t, slack: s.dueAt ? (s.dueAt.getTime() - NOW.getTime()) / 60_000 - t : Infinity };
        t += s.durationMinutes;
        prev = s.at!;
        return out;
      });
    };
    const before = new Map(slackOf(stops).map((s) => [s.id, s.slack]));
    const after = slackOf(route);
    const own = after[i];
    let least = own.slack;
    for (const s of after.slice(i + 1)) if (before.get(s.id)! >= 0) least = Math.min(least, s.slack);
    const travel = (list: typeof route) => list.reduce((a, s, k) => a + travelMinutesBetween(k === 0 ? p.freeAt! : list[k - 1].at!, s.at!, c), 0);
    return { arrival: own.arrival, least, onTime: least >= -1e-6, added: travel(route) - travel(stops) };
  }

  it('holds for random routes', () => {
    fc.assert(
      fc.property(latLng, fc.integer({ min: 0, max: 90 }), fc.array(stopArb, { maxLength: 5 }), latLng, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 90 }), (freeAt, busy, raw, site, due, duration) => {
        const stops = raw.map((s, k) => stop(`s${k}`, s.at, s.due, s.duration));
        const p = person('p', { busyMinutes: busy, freeAt, stops });
        const n = need('新', { location: site, dueAt: at(due), durationMinutes: duration });
        const r = insertion(p, n, ctx);
        const chosen = walk(p, n, r.index, ctx);
        expect(r.arrivalMinutes).toBeCloseTo(chosen.arrival, 6);
        expect(r.travelMinutes!).toBeCloseTo(chosen.added, 6);
        expect(r.slackMinutes ?? Infinity).toBeCloseTo(chosen.least, 6);
        const all = Array.from({ length: stops.length + 1 }, (_, i) => walk(p, n, i, ctx));
        if (all.some((w) => w.onTime)) {
          expect(chosen.onTime).toBe(true);
          expect(chosen.added).toBeLessThanOrEqual(Math.min(...all.filter((w) => w.onTime).map((w) => w.added)) + 1e-6);
        } else expect(chosen.least).toBeGreaterThanOrEqual(Math.max(...all.map((w) => w.least)) - 1e-6);
      }),
      { numRuns: 400 },
    );
  });
});
