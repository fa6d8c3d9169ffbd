import { describe, expect, it } from 'vitest';
import { visitWindowProblem } from './visit-window';

const now = new Date('2026-03-02T01:00:00Z');
const h = (hours: number) => new Date(now.getTime() + hours * 3600_000);

describe('the bounds of a booked visit window (预约上门时段)', () => {
  it('takes a slot of a few hours, one already begun, a whole day, and one 90 days ahead', () => {
    expect(visitWindowProblem(h(2), h(4), now)).toBeNull();
    expect(visitWindowProblem(h(-1), h(1), now)).toBeNull();
    expect(visitWindowProblem(h(15), h(39), now)).toBeNull();
    expect(visitWindowProblem(h(90 * 24 - 2), h(90 * 24), now)).toBeNull();
  });

  it('refuses zero length, ending before the start, an ended window, too far ahead, and longer than a day', () => {
    expect(visitWindowProblem(h(2), h(2), now)).toMatchObject({ field: 'windowEnd', message: expect.stringMatching(/end after it starts/) });
    expect(visitWindowProblem(h(3), h(2), now)).toMatchObject({ field: 'windowEnd' });
    expect(visitWindowProblem(h(-3), h(-1), now)).toMatchObject({ field: 'windowEnd', message: expect.stringMatching(/already ended/) });
    expect(visitWindowProblem(h(-3), now, now)).toMatchObject({ field: 'windowEnd' });
    expect(visitWindowProblem(new Date('2126-03-03T01:00:00Z'), new Date('2126-03-03T03:00:00Z'), now)).toMatchObject({ field: 'windowStart', message: expect.stringMatching(/90 days/) });
    expect(visitWindowProblem(h(90 * 24 + 1), h(90 * 24 + 2), now)).toMatchObject({ field: 'windowStart' });
    expect(visitWindowProblem(h(1), h(24 * 90), now)).toMatchObject({ field: 'windowEnd', message: expect.stringMatching(/24 hours/) });
    expect(visitWindowProblem(h(1), h(25.5), now)).toMatchObject({ field: 'windowEnd' });
  });
});
