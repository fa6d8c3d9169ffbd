import { describe, expect, it } from 'vitest';
import { diagnose, tripLowerBound } from './diagnose';
import { generateScenario } from './generate';

describe('simulator diagnostics', () => {
  const sc = generateScenario({ seed: 3, engineers: 8, tickets: 60 });
  const d = diagnose(sc, ['round_robin', 'scored']);

  it('splits every trip into first visits (at arrival, from the queue, in a window) and re-visits', () => {
    for (const r of d.runs) {
      const b = Object.values(r.km);
      expect(b.reduce((a, x) => a + x.km, 0)).toBeCloseTo(r.travelKmTotal, 0);
      expect(b.reduce((a, x) => a + x.trips, 0) - r.km.revisit.trips).toBeLessThanOrEqual(sc.tickets.length);
      expect(r.km.revisit.trips).toBe(r.reassignments);
      const c = Object.values(r.choice);
      expect(c.reduce((a, x) => a + x.decisions, 0)).toBe(c.reduce((a, x) => a + x.single + x.twoOrThree + x.fourPlus, 0));
    }
  });

  it('the trip lower bound is below what any strategy travels into first visits', () => {
    const bound = tripLowerBound(sc).totalKm;
    for (const r of d.runs) expect(bound).toBeLessThanOrEqual(r.km.firstAtArrival.km + r.km.firstFromQueue.km + r.km.firstInWindow.km + 1e-6);
    expect(Object.values(d.skills).reduce((a, s) => a + s.tickets, 0)).toBe(sc.tickets.length);
  });
});
