import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, exclusions, loadStep, rank, URGENCY } from '../engine';
import type { DecisionContext, Need, Person } from '../engine/types';
import { replay } from './replay';
import { parseScenario, type ScenarioInput } from './scenario';

// The simulator's batch windows: the tickets of a window go to matchBatch together, and what it returns
// is within 0.5% of the brute-force optimum of the same objective on the same live snapshot.

/** Σ over assigned pairs (1 − score + r × loadStep − urgency), the r-th new slot of a person counting r. */
function bruteForce(needs: Need[], people: Person[], ctx: DecisionContext): number {
  const cost = needs.map((n) => {
    const scores = new Map(rank(people, n, ctx, DEFAULT_WEIGHTS).candidates.map((c) => [c.personId, c.score]));
    return people.map((p) => (exclusions(p, n, ctx).length === 0 ? 1 - scores.get(p.id)! - URGENCY[n.priority] : null));
  });
  const free = people.map((p) => p.capacity.field - p.load.field);
  const used = people.map(() => 0);
  let best = Infinity;
  const go = (i: number, acc: number) => {
    if (i === needs.length) {
      best = Math.min(best, acc);
      return;
    }
    go(i + 1, acc); // left unassigned
    people.forEach((p, j) => {
      const c = cost[i][j];
      if (c === null || used[j] >= free[j]) return;
      const step = used[j] * loadStep(p, 'field', DEFAULT_WEIGHTS);
      used[j]++;
      go(i + 1, acc + c + step);
      used[j]--;
    });
  };
  go(0, 0);
  return best;
}

describe('batch windows', () => {
  it('match each window within 0.5% of the brute-force optimum', () => {
    const skills = ['电梯维保', '空调维修'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ lat: fc.double({ min: 31.1, max: 31.3, noNaN: true }), lng: fc.double({ min: 121.3, max: 121.6, noNaN: true }), s: fc.nat(1), lv: fc.integer({ min: 1, max: 4 }), cap: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ lat: fc.double({ min: 31.1, max: 31.3, noNaN: true }), lng: fc.double({ min: 121.3, max: 121.6, noNaN: true }), s: fc.nat(1), lv: fc.integer({ min: 1, max: 3 }), pr: fc.constantFrom('low', 'normal', 'high', 'urgent' as const), sec: fc.integer({ min: 0, max: 25 }) }), { minLength: 1, maxLength: 5 }),
        (es, ts) => {
          const scenario: ScenarioInput = {
            speedKmh: 30,
            engineers: es.map((e, i) => ({ id: `工程师${i}`, home: [e.lat, e.lng], skills: { [skills[e.s]]: e.lv }, shift: { start: '08:00', end: '18:00' }, capacity: e.cap })),
            tickets: ts.map((t, i) => ({ id: `工单${i}`, arrival: `2026-03-02T09:00:${String(t.sec).padStart(2, '0')}+08:00`, location: [t.lat, t.lng], skill: skills[t.s], level: t.lv, priority: t.pr, slaMinutes: 120, durationMinutes: 45 })),
          };
          const windows: number[][] = [];
          const rec = replay(parseScenario(scenario), {
            strategy: 'batch',
            weights: DEFAULT_WEIGHTS,
            batchWindowS: 30,
            onBatch: ({ needs, people, ctx, result }) => {
              const got = result.assignments.reduce((a, x) => a + x.cost - URGENCY[needs.find((n) => n.ticketId === x.ticketId)!.priority], 0);
              windows.push([got, bruteForce(needs, people, ctx)]);
            },
          });
          expect(windows).toHaveLength(1); // all arrived within the first 30 s
          for (const [got, opt] of windows) expect(Math.abs(got - opt)).toBeLessThanOrEqual(0.005 * Math.abs(opt) + 1e-9);
          expect(rec.violations).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
