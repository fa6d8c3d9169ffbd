import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb } from './arbitraries.test-support';
import { urgencyOf, URGENCY, DUE_BONUS, matchBatch } from './batch';
import { ctxAt, need, NOW, person } from './fixtures.test-support';
import { rank } from './rank';
import { eligibleFor, exclusions, personAvailable } from './rules';
import { deadlineGoodness, DEFAULT_WEIGHTS, fairnessGoodness, poolStats, scorePerson, weightTotal } from './score';
import type { Term, Weights } from './types';

const term = (c: { terms: Term[] }, name: keyof Weights) => c.terms.find((t) => t.name === name)!;
const inMin = (m: number) => new Date(NOW.getTime() + m * 60_000);
// 0.045° of latitude ≈ 5 km: 10 minutes at 30 km/h
const SITE: [number, number] = [31.275, 121.47];

describe('deadline term', () => {
  it('is near 0 when the person would arrive late, near 1 with a comfortable slack, 0.5 without a deadline', () => {
    const n = (due: number | null) => need('单1', { location: SITE, dueAt: due === null ? null : inMin(due) });
    const g = (due: number | null) => term(rank([person('甲')], n(due), ctxAt(), DEFAULT_WEIGHTS).candidates[0], 'deadline');
    expect(g(0).goodness).toBeLessThan(0.1); // 10 min away, due now: 10 min late
    expect(g(0).value).toBeCloseTo(-10, 0); // slack in minutes
    expect(g(120).goodness).toBeGreaterThan(0.99); // 110 min to spare
    expect(g(null)).toEqual({ name: 'deadline', value: null, goodness: 0.5, weighted: DEFAULT_WEIGHTS.deadline * 0.5 });
    expect(deadlineGoodness(-30)).toBeLessThan(deadlineGoodness(0));
    expect(deadlineGoodness(0)).toBeLessThan(deadlineGoodness(30));
  });

  it('counts busyMinutes before the travel: the free person beats the nearer busy one when the deadline is close', () => {
    const busy = person('忙', { home: SITE, busyMinutes: 90 });
    const free = person('闲', { home: [31.23, 121.47] }); // 10 minutes away
    const n = need('单1', { location: SITE, dueAt: inMin(45) });
    const r = rank([busy, free], n, ctxAt(), DEFAULT_WEIGHTS);
    expect(r.candidates[0].personId).toBe('闲');
    expect(term(r.candidates.find((c) => c.personId === '忙')!, 'deadline').value).toBeCloseTo(45 - 90, 6);
    // without a deadline the nearer one wins again
    expect(rank([busy, free], { ...n, dueAt: null }, ctxAt(), DEFAULT_WEIGHTS).candidates[0].personId).toBe('忙');
  });

  it('measures travel from freeAt (the last job\'s site) when given', () => {
    const p = person('甲', { home: [31.23, 121.47], freeAt: SITE });
    const c = rank([p], need('单1', { location: SITE }), ctxAt(), DEFAULT_WEIGHTS).candidates[0];
    expect(c.travelKm).toBeCloseTo(0, 9);
  });

  it('takes a missing deadline weight as its default (weights stored before the term existed)', () => {
    const { deadline: _, ...old } = DEFAULT_WEIGHTS;
    const n = need('单1', { location: SITE, dueAt: inMin(30) });
    const pool = poolStats([person('甲')], n);
    const a = scorePerson(person('甲'), n, ctxAt(), old, pool);
    const b = scorePerson(person('甲'), n, ctxAt(), DEFAULT_WEIGHTS, pool);
    expect(a).toEqual(b);
    expect(weightTotal(old)).toBe(weightTotal(DEFAULT_WEIGHTS));
  });
});

describe('fairness from the pool\'s work', () => {
  it('is 0.5 at the pool\'s mean, above it below the mean, and damped when nobody is idle', () => {
    const idle = [person('甲', { workMinutesToday: 60 }), person('乙', { workMinutesToday: 180 }), person('丙', { workMinutesToday: 300 })];
    const pool = poolStats(idle, need('单1'));
    expect(pool.meanWorkMin).toBe(180);
    expect(pool.sdWorkMin).toBeCloseTo(Math.sqrt((120 ** 2 * 2) / 3), 9);
    expect(pool.idleShare).toBe(1);
    expect(fairnessGoodness(180, pool)).toBeCloseTo(0.5, 12);
    expect(fairnessGoodness(60, pool)).toBeGreaterThan(0.75);
    expect(fairnessGoodness(300, pool)).toBeLessThan(0.25);
    const busy = idle.map((p) => ({ ...p, status: 'busy' as const, load: { ticket: 0, chat: 0, field: 1 } }));
    const bp = poolStats(busy, need('单1'));
    expect(bp.idleShare).toBe(0);
    expect(fairnessGoodness(60, bp) - 0.5).toBeCloseTo((fairnessGoodness(60, pool) - 0.5) * 0.4, 12);
  });
});

describe('batch urgency', () => {
  it('grows as the deadline comes near, on top of the priority', () => {
    const now = NOW;
    expect(urgencyOf(need('单1'), now)).toBe(URGENCY.normal);
    expect(urgencyOf(need('单1', { dueAt: inMin(600) }), now)).toBe(URGENCY.normal);
    expect(urgencyOf(need('单1', { dueAt: inMin(60) }), now)).toBeCloseTo(URGENCY.normal + DUE_BONUS / 2, 9);
    expect(urgencyOf(need('单1', { dueAt: inMin(-5) }), now)).toBe(URGENCY.normal + DUE_BONUS);
  });

  it('gives the one free slot to the need about to miss its deadline', () => {
    const p = [person('甲', { capacity: { ticket: 8, chat: 2, field: 1 } })];
    const res = matchBatch([need('宽松', { dueAt: inMin(400) }), need('将超时', { dueAt: inMin(10) })], p, ctxAt(), DEFAULT_WEIGHTS);
    expect(res.assignments.map((a) => a.ticketId)).toEqual(['将超时']);
  });
});

describe('fast eligibility', () => {
  it('personAvailable && eligibleFor equals exclusions() being empty', () => {
    fc.assert(
      fc.property(caseArb(6, 6), ({ people, needs }) => {
        for (const p of people) for (const n of needs) expect(personAvailable(p, ctxAt()) && eligibleFor(p, n, ctxAt())).toBe(exclusions(p, n, ctxAt()).length === 0);
      }),
      { numRuns: 300 },
    );
  });
});
