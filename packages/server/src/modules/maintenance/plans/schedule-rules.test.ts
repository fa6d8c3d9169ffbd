import { describe, expect, it } from 'vitest';
import { addToDate, dueRunningHours, dueVisits } from './schedule-rules';

describe('preventive schedules', () => {
  it('adds days and calendar months, the 31st kept to the end of shorter months', () => {
    expect(addToDate('2026-01-31', 1, 'months')).toBe('2026-02-28');
    expect(addToDate('2026-01-31', 2, 'months')).toBe('2026-03-31');
    expect(addToDate('2026-12-30', 3, 'days')).toBe('2027-01-02');
    expect(addToDate('2026-03-01', -1, 'days')).toBe('2026-02-28');
  });

  it('creates each visit once its lead time has come, never one already made', () => {
    const s = { unit: 'months' as const, every: 3, startOn: '2026-01-15', leadDays: 7 };
    expect(dueVisits(s, null, '2026-01-07')).toEqual([]);
    expect(dueVisits(s, null, '2026-01-08')).toEqual(['2026-01-15']);
    expect(dueVisits(s, '2026-01-15', '2026-04-07')).toEqual([]);
    // a plan started long ago begins with the next due, not the missed ones
    expect(dueVisits({ ...s, startOn: '2025-01-15' }, null, '2026-01-08')).toEqual(['2026-01-15']);
    expect(dueVisits(s, '2026-01-15', '2026-04-08')).toEqual(['2026-04-15']);
    // a sweep that did not run for a while catches up, a few at a time
    expect(dueVisits({ ...s, unit: 'days', every: 1 }, '2026-01-15', '2026-02-01', 3)).toEqual(['2026-01-16', '2026-01-17', '2026-01-18']);
  });

  it('months do not drift from the start date', () => {
    const s = { unit: 'months' as const, every: 1, startOn: '2026-01-31', leadDays: 0 };
    expect(dueVisits(s, '2026-02-28', '2026-03-31')).toEqual(['2026-03-31']);
  });

  it('running hours: due when the counter nears the next multiple', () => {
    const s = { unit: 'hours' as const, every: 500, leadHours: 50, metric: 'running_hours' };
    expect(dueRunningHours(s, null, 400)).toBeNull();
    expect(dueRunningHours(s, null, 455)).toBe(500);
    expect(dueRunningHours(s, 500, 600)).toBeNull();
    expect(dueRunningHours(s, 500, 960)).toBe(1000);
    expect(dueRunningHours(s, 500, 2000)).toBe(2000);
  });
});
