import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ctxAt, need, NOW, person } from './fixtures.test-support';
import { IMPROVE, improve, planOf } from './improve';
import { exclusions } from './rules';
import type { LatLng, Need, Person, Stop } from './types';

// 日内优化: a job not started moves to another person when the two plans cost less, never later in total,
// never to someone a hard rule excludes; pinned jobs stay.
const at = (min: number) => new Date(NOW.getTime() + min * 60_000);
// ~1.11 km per 0.01° of latitude: at 30 km/h, 1 km = 2 min
const north = (km: number): LatLng => [31.2 + km / 111.2, 121.5];
const ctx = ctxAt();

function job(id: string, where: LatLng, dueMin: number | null, duration = 30): { stop: Stop; need: Need } {
  const n = need(id, { location: where, dueAt: dueMin === null ? null : at(dueMin), durationMinutes: duration, skill: '电梯维修', level: 2 });
  return { stop: { ticketId: id, at: where, durationMinutes: duration, dueAt: n.dueAt }, need: n };
}
const holding = (p: Person, jobs: { stop: Stop }[]): Person => ({ ...p, stops: jobs.map((j) => j.stop), load: { ...p.load, field: jobs.length }, freeAt: p.home });
const byId = (jobs: { stop: Stop; need: Need }[]) => {
  const m = new Map(jobs.map((j) => [j.stop.ticketId, j.need]));
  return (s: Stop) => m.get(s.ticketId) ?? null;
};

describe('improve (日内优化)', () => {
  it('moves a job to the person next to it: both plans together travel less, the reason in figures', () => {
    const far = job('远单', north(20), 600);
    const a = holding(person('甲', { home: north(0) }), [far]);
    const b = holding(person('乙', { home: north(19) }), []);
    const r = improve([a, b], byId([far]), ctx);
    expect(r.moves).toHaveLength(1);
    expect(r.moves[0]).toMatchObject({ ticketId: '远单', from: '甲', to: '乙', insertBefore: null, lateBefore: 0, lateAfter: 0 });
    expect(r.moves[0].kmSaved).toBeCloseTo(19, 0);
    expect(r.moves[0].travelSavedMinutes).toBeCloseTo(38, 0);
    expect(r.stops.get('甲')).toEqual([]);
    expect(r.stops.get('乙')?.map((s) => s.ticketId)).toEqual(['远单']);
  });

  it('leaves pinned jobs, people a hard rule excludes, people at capacity and plans already good', () => {
    const far = job('远单', north(20), 600);
    const a = holding(person('甲', { home: north(0) }), [far]);
    const near = person('乙', { home: north(19) });
    expect(improve([a, near], () => null, ctx).moves).toEqual([]);
    expect(improve([a, { ...near, skills: { 电梯维修: 1 } }], byId([far]), ctx).moves).toEqual([]);
    expect(improve([a, { ...near, status: 'away' }], byId([far]), ctx).moves).toEqual([]);
    expect(improve([a, { ...near, capacity: { ticket: 8, chat: 2, field: 1 }, load: { ticket: 0, chat: 0, field: 1 } }], byId([far]), ctx).moves).toEqual([]);
    expect(improve([holding(person('甲', { home: north(20) }), [far]), near], byId([far]), ctx).moves).toEqual([]);
  });

  it('does not move a job when that would make the plans later, even for less travel', () => {
    // 乙 sits next to the job but has two hours of work before it; the job is due in an hour
    const tight = job('急单', north(20), 60);
    const a = holding(person('甲', { home: north(5) }), [tight]);
    const b = holding(person('乙', { home: north(19), busyMinutes: 120 }), []);
    expect(planOf(a, a.stops!, ctx).late).toBe(0);
    expect(improve([a, b], byId([tight]), ctx).moves).toEqual([]);
  });

  it('untangles plans crossed in a burst decided one by one', () => {
    // each took the other's neighbourhood in the 08:00 burst
    const [n1, s1] = [job('北1', north(20), 600), job('南1', north(0), 600)];
    const a = holding(person('北工', { home: north(20), workMinutesToday: 30 }), [s1]);
    const b = holding(person('南工', { home: north(0), workMinutesToday: 30 }), [n1]);
    const r = improve([a, b], byId([n1, s1]), ctx);
    expect(r.stops.get('北工')?.map((s) => s.ticketId)).toEqual(['北1']);
    expect(r.stops.get('南工')?.map((s) => s.ticketId)).toEqual(['南1']);
    expect(r.moves.map((m) => m.ticketId).sort()).toEqual(['北1', '南1']);
    expect(r.moves.reduce((sum, m) => sum + m.kmSaved, 0)).toBeCloseTo(40, 0);
  });

  it('weighs the day’s fairness: a small saving that piles the work on one person is not taken', () => {
    // moving 南1 to 南工 saves 2 km but leaves 北工 with little and 南工 with three jobs
    const [n1, n2, s1, s2] = [job('北1', north(20), 600), job('北2', north(21), 600), job('南1', north(0), 600), job('南2', north(1), 600)];
    const a = holding(person('北工', { home: north(20), workMinutesToday: 60 }), [s1, s2]);
    const b = holding(person('南工', { home: north(0), workMinutesToday: 60 }), [n1, n2]);
    expect(improve([a, b], byId([n1, n2, s1, s2]), ctx, { ...IMPROVE, spreadWeight: 0 }).moves.length).toBeGreaterThan(0);
    expect(improve([a, b], byId([n1, n2, s1, s2]), ctx).moves).toEqual([]);
  });

  it('property: every move lowers travel or lateness, never raises total lateness, its receiver passes every rule at the move, one move per ticket', () => {
    const site = fc.tuple(fc.double({ min: 31.1, max: 31.4, noNaN: true }), fc.double({ min: 121.3, max: 121.6, noNaN: true }));
    const arb = fc.record({
      people: fc.array(fc.record({ home: site, level: fc.integer({ min: 1, max: 4 }), cap: fc.integer({ min: 1, max: 4 }), busy: fc.integer({ min: 0, max: 90 }) }), { minLength: 2, maxLength: 6 }),
      jobs: fc.array(fc.record({ where: site, holder: fc.nat(), due: fc.option(fc.integer({ min: 20, max: 600 }), { nil: null }), level: fc.integer({ min: 1, max: 4 }), duration: fc.integer({ min: 10, max: 90 }) }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(arb, ({ people: ps, jobs: js }) => {
        const needs = js.map((j, i) => need(`单${i}`, { location: j.where as LatLng, dueAt: j.due === null ? null : at(j.due), durationMinutes: j.duration, skill: '电梯维修', level: j.level }));
        const people: Person[] = ps.map((p, i) => person(`人${i}`, { home: p.home as LatLng, freeAt: p.home as LatLng, busyMinutes: p.busy, skills: { 电梯维修: p.level }, capacity: { ticket: 8, chat: 2, field: p.cap }, stops: [] }));
        // each job to a qualified holder with room (as the decisions would have)
        needs.forEach((n, i) => {
          const ok = people.filter((p) => exclusions(p, n, ctx).length === 0);
          if (!ok.length) return;
          const h = ok[js[i].holder % ok.length];
          h.stops = [...h.stops!, { ticketId: n.ticketId, at: n.location, durationMinutes: n.durationMinutes, dueAt: n.dueAt }];
          h.load = { ...h.load, field: h.stops.length };
        });
        const needOf = new Map(needs.map((n) => [n.ticketId, n]));
        const r = improve(people, (s) => needOf.get(s.ticketId) ?? null, ctx);
        // replay the moves on a copy: each receiver passes the rules at its move
        const live = new Map(people.map((p) => [p.id, { ...p, load: { ...p.load } }]));
        for (const m of r.moves) {
          const to = live.get(m.to)!;
          expect(exclusions(to, needOf.get(m.ticketId)!, ctx)).toEqual([]);
          to.load.field += 1;
          live.get(m.from)!.load.field -= 1;
          expect(m.lateAfter).toBeLessThanOrEqual(m.lateBefore + 1e-6);
        }
        const total = (ps2: Person[], stopsOf: (p: Person) => Stop[]) => ps2.reduce((s, p) => s + planOf(p, stopsOf(p), ctx).late, 0);
        const lateBefore = total(people, (p) => p.stops ?? []);
        const lateAfter = total(people, (p) => r.stops.get(p.id) ?? p.stops ?? []);
        expect(lateAfter).toBeLessThanOrEqual(lateBefore + 1e-6);
        // one move per ticket (a job moves once a call)
        expect(new Set(r.moves.map((m) => m.ticketId)).size).toBe(r.moves.length);
        // every job is still held exactly once
        const held = people.flatMap((p) => (r.stops.get(p.id) ?? p.stops ?? []).map((s) => s.ticketId)).sort();
        expect(held).toEqual(people.flatMap((p) => (p.stops ?? []).map((s) => s.ticketId)).sort());
      }),
      { numRuns: 200 },
    );
  });
});
