import { describe, expect, it } from 'vitest';
import type { SlaFact } from '../../sla';
import { deadlineOf } from './deadline-of';

// The deadline a ticket is dispatched against comes from its SLA clocks (上门时限 first for a site visit).
describe('deadlineOf', () => {
  const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h));
  const clock = (metric: SlaFact['metric'], due: Date | null, o: Partial<SlaFact> = {}): SlaFact => ({ metric, dueAt: due, warnedAt: null, breachedAt: null, achievedAt: null, pausedSince: null, ...o });

  it('a site visit aims at its running on-site clock, else at the earliest running clock', () => {
    const clocks = [clock('first_response', at(1)), clock('on_site', at(3)), clock('resolution', at(8))];
    expect(deadlineOf(clocks, true)).toEqual(at(3));
    expect(deadlineOf(clocks, false)).toEqual(at(1));
    expect(deadlineOf([clock('on_site', at(3), { achievedAt: at(2) }), clock('resolution', at(8))], true)).toEqual(at(8));
  });

  it('achieved and paused clocks do not count; none running: no deadline', () => {
    expect(deadlineOf([clock('first_response', at(1), { achievedAt: at(0) }), clock('resolution', at(8), { pausedSince: at(2) })], false)).toBeNull();
    expect(deadlineOf([clock('resolution', null)], true)).toBeNull();
    expect(deadlineOf([], true)).toBeNull();
  });
});
