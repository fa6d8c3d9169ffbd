import { describe, expect, it } from 'vitest';
import { attainmentRows, periodKey } from './report-rules';

const d = (s: string) => new Date(s);
describe('SLA attainment (达成率)', () => {
  it('counts achieved in time, breached (recorded, late, or running past due) and open', () => {
    const now = d('2026-03-02T10:00:00Z');
    const rows = attainmentRows(
      [
        { key: 'urgent', dueAt: d('2026-03-02T09:00:00Z'), breachedAt: null, achievedAt: d('2026-03-02T08:00:00Z'), pausedSince: null },
        { key: 'urgent', dueAt: d('2026-03-02T09:00:00Z'), breachedAt: null, achievedAt: d('2026-03-02T09:30:00Z'), pausedSince: null },
        { key: 'urgent', dueAt: d('2026-03-02T09:00:00Z'), breachedAt: null, achievedAt: null, pausedSince: null },
        { key: 'urgent', dueAt: null, breachedAt: null, achievedAt: null, pausedSince: d('2026-03-02T08:00:00Z') },
        { key: 'normal', dueAt: d('2026-03-02T12:00:00Z'), breachedAt: null, achievedAt: null, pausedSince: null },
      ],
      new Map([['urgent', '紧急']]),
      now,
    );
    expect(rows).toEqual([
      { key: 'normal', label: 'normal', total: 1, achieved: 0, breached: 0, open: 1, attainment: null },
      { key: 'urgent', label: '紧急', total: 4, achieved: 1, breached: 2, open: 1, attainment: 0.3333 },
    ]);
  });
  it('periods on the tenant’s wall clock: 2026-03-01 23:30 UTC is Monday 2 March in Shanghai', () => {
    const at = d('2026-03-01T23:30:00Z');
    expect(periodKey(at, 'Asia/Shanghai', 'day')).toBe('2026-03-02');
    expect(periodKey(at, 'Asia/Shanghai', 'week')).toBe('2026-03-02');
    expect(periodKey(d('2026-03-08T03:00:00Z'), 'Asia/Shanghai', 'week')).toBe('2026-03-02');
    expect(periodKey(at, 'UTC', 'month')).toBe('2026-03');
  });
});
