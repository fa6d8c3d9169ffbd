import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseArb } from './arbitraries.test-support';
import { loadStep, matchBatch, URGENCY } from './batch';
import { ctxAt, need, person } from './fixtures.test-support';
import { rank } from './rank';
import { exclusions } from './rules';
import { DEFAULT_WEIGHTS } from './score';
import type { Need, Person } from './types';

/** The batch objective of an assignment (see batch.ts): Σ (1 − score) + r × loadStep − urgency. */
function bruteForce(needs: Need[], people: Person[]): number {
  const ctx = ctxAt();
  const scores = needs.map((n) => new Map(rank(people, n, ctx, DEFAULT_WEIGHTS).candidates.map((c) => [c.personId, c.score])));
  const taken = new Map<string, number>();
  let best = 0; // everyone unassigned
  const walk = (i: number, total: number) => {
    if (i === needs.length) {
      best = Math.min(best, total);
      return;
    }
    walk(i + 1, total);
    const n = needs[i];
    for (const p of people) {
      const s = scores[i].get(p.id);
      if (s === undefined) continue;
      const key = `${n.kind}:${p.id}`;
      const r = taken.get(key) ?? 0;
      if (p.load[n.kind] + r >= p.capacity[n.kind]) continue;
      taken.set(key, r + 1);
      walk(i + 1, total + 1 - s + r * loadStep(p, n.kind, DEFAULT_WEIGHTS) - URGENCY[n.priority]);
      taken.set(key, r);
    }
  };
  walk(0, 0);
  return best;
}

const objective = (needs: Need[], res: ReturnType<typeof matchBatch>) =>
  res.assignments.reduce((sum, a) => sum + a.cost - URGENCY[needs.find((n) => n.ticketId === a.ticketId)!.priority], 0);

describe('matchBatch', () => {
  it('never assigns an excluded person, never exceeds capacity, accounts for every need once', () => {
    fc.assert(
      fc.property(caseArb(6, 8), ({ people, needs }) => {
        const res = matchBatch(needs, people, ctxAt(), DEFAULT_WEIGHTS);
        const extra = new Map<string, number>();
        for (const a of res.assignments) {
          const p = people.find((x) => x.id === a.personId)!;
          const n = needs.find((x) => x.ticketId === a.ticketId)!;
          expect(exclusions(p, n, ctxAt())).toEqual([]);
          const key = `${n.kind}:${p.id}`;
          extra.set(key, (extra.get(key) ?? 0) + 1);
          expect(p.load[n.kind] + extra.get(key)!).toBeLessThanOrEqual(p.capacity[n.kind]);
        }
        const ids = [...res.assignments.map((a) => a.ticketId), ...res.unassigned].sort();
        expect(ids).toEqual(needs.map((n) => n.ticketId).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('equals the brute-force optimum on small cases (≤ 6 tickets × ≤ 5 people)', () => {
    fc.assert(
      fc.property(caseArb(5, 6), ({ people, needs }) => {
        const got = objective(needs, matchBatch(needs, people, ctxAt(), DEFAULT_WEIGHTS));
        const want = bruteForce(needs, people);
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 + 0.005 * Math.abs(want));
        expect(got).toBeCloseTo(want, 9); // exact in practice
      }),
      { numRuns: 300 },
    );
  });

  it('gives the one free slot to the urgent ticket', () => {
    const p = [person('甲', { capacity: { ticket: 8, chat: 2, field: 1 } })];
    const res = matchBatch([need('普通1'), need('紧急', { priority: 'urgent' }), need('普通2')], p, ctxAt(), DEFAULT_WEIGHTS);
    expect(res.assignments.map((a) => a.ticketId)).toEqual(['紧急']);
    expect(res.unassigned).toEqual(['普通1', '普通2']);
  });

  it('beats greedy: the second ticket only one person can take gets them', () => {
    // 甲 is best for both; only 甲 can do 网络. Greedy in arrival order gives 单1 to 甲 and leaves 单2 out.
    const people = [person('甲', { skills: { 电梯维修: 3, 网络: 3 }, capacity: { ticket: 8, chat: 2, field: 1 }, home: [31.2, 121.5] }), person('乙', { home: [31.3, 121.6] })];
    const res = matchBatch([need('单1', { skill: '电梯维修' }), need('单2', { skill: '网络' })], people, ctxAt(), DEFAULT_WEIGHTS);
    expect(res.assignments.map((a) => [a.ticketId, a.personId])).toEqual([['单1', '乙'], ['单2', '甲']]);
  });

  it('handles no needs and no people', () => {
    expect(matchBatch([], [person('甲')], ctxAt(), DEFAULT_WEIGHTS)).toEqual({ assignments: [], unassigned: [] });
    expect(matchBatch([need('单1')], [], ctxAt(), DEFAULT_WEIGHTS)).toEqual({ assignments: [], unassigned: ['单1'] });
  });
});
