import { describe, expect, it } from 'vitest';
import { jobsOfDay, routeOrder, type JobFacts } from './job-rules';

const d = (s: string) => new Date(s);
const job = (ticketId: string, o: Partial<JobFacts> = {}): JobFacts => ({ ticketId, windowStart: null, windowEnd: null, slaDueAt: null, priority: 'normal', ...o });
const dateOf = (x: Date) => x.toISOString().slice(0, 10);

describe('an engineer’s jobs of a day', () => {
  it('orders by time window, then SLA due time, then priority', () => {
    const jobs = [
      job('c', { slaDueAt: d('2026-03-02T09:00:00Z') }),
      job('a', { windowStart: d('2026-03-02T01:00:00Z') }),
      job('b', { windowStart: d('2026-03-02T03:00:00Z') }),
      job('e', { priority: 'urgent' }),
      job('d', { slaDueAt: d('2026-03-02T08:00:00Z') }),
    ];
    expect(routeOrder(jobs, []).map((j) => j.ticketId)).toEqual(['a', 'b', 'd', 'c', 'e']);
  });
  it('follows the route plan when there is one', () => {
    const jobs = [job('a', { windowStart: d('2026-03-02T01:00:00Z') }), job('b'), job('c')];
    expect(routeOrder(jobs, ['c', 'a']).map((j) => j.ticketId)).toEqual(['c', 'a', 'b']);
  });
  it('today: planned for today, unplanned and overdue; upcoming: planned later', () => {
    const jobs = [job('today', { windowStart: d('2026-03-02T02:00:00Z') }), job('unplanned'), job('late', { windowStart: d('2026-03-01T02:00:00Z') }), job('tomorrow', { windowStart: d('2026-03-03T02:00:00Z') })];
    const r = jobsOfDay(jobs, '2026-03-02', '2026-03-02', dateOf);
    expect(r.day.map((j) => j.ticketId)).toEqual(['late', 'today', 'unplanned']);
    expect(r.upcoming.map((j) => j.ticketId)).toEqual(['tomorrow']);
    const next = jobsOfDay(jobs, '2026-03-03', '2026-03-02', dateOf);
    expect(next.day.map((j) => j.ticketId)).toEqual(['tomorrow']);
    expect(next.upcoming).toEqual([]);
  });
});
