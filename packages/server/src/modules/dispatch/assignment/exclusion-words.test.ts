import { describe, expect, it } from 'vitest';
import { exclusionWords, weekdaysWords } from './exclusion-words';

describe('the API words for a failed dispatch rule', () => {
  it('says the shift in words, not JSON', () => {
    const words = exclusionWords({ rule: 'shift', detail: { days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' } });
    expect(words).toBe('not on shift (08:00–18:00, Mon–Sat)');
    expect(exclusionWords({ rule: 'shift', detail: { days: [1, 2, 3, 4, 5], start: '08:00', end: '08:00', holiday: '国庆节' } })).toBe('not on shift (all day, Mon–Fri; off for the holiday 国庆节)');
  });

  it('words each rule', () => {
    expect(exclusionWords({ rule: 'team', detail: { required: ['t1'] } })).toBe("not in the ticket's team");
    expect(exclusionWords({ rule: 'capacity', detail: { kind: 'field', load: 5, capacity: 5 } })).toBe('over capacity (5/5 on-site visits)');
    expect(exclusionWords({ rule: 'capacity', detail: { kind: 'field', load: 0, capacity: 0 } })).toBe('takes no on-site visits (capacity 0)');
    expect(exclusionWords({ rule: 'capacity', detail: { kind: 'field', load: 1, capacity: 5, today: 6, dailyLimit: 6 } })).toBe("reached today's limit (6/6 on-site visits today)");
    expect(exclusionWords({ rule: 'certification', detail: { certification: '特种设备作业证', expires: '2026-03-01', on: '2026-03-05' } })).toBe('certification 特种设备作业证 expired on 2026-03-01 (needed valid on 2026-03-05)');
    expect(exclusionWords({ rule: 'certification', detail: { certification: '电工证', expires: null, on: '2026-03-05' } })).toBe('no certification 电工证');
    expect(exclusionWords({ rule: 'level', detail: { skill: '电梯维修', required: 3, has: 2 } })).toBe('电梯维修 at level 2, needs 3');
    expect(exclusionWords({ rule: 'excluded', detail: { by: 'declined', reason: '车在保养' } })).toBe('declined it (车在保养)');
    expect(exclusionWords({ rule: 'excluded', detail: {} })).toBe('excluded by the customer');
    for (const rule of ['status', 'skill', 'region', 'language', 'product_line'] as const) expect(exclusionWords({ rule, detail: {} })).not.toMatch(/[{}[\]"]/);
  });

  it('names weekdays as runs', () => {
    expect(weekdaysWords([1, 3, 5])).toBe('Mon, Wed, Fri');
    expect(weekdaysWords([6, 7, 1, 2])).toBe('Mon, Tue, Sat, Sun');
    expect(weekdaysWords([1, 2, 3, 4, 5, 6, 7])).toBe('every day');
  });
});
