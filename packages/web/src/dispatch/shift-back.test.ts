import { describe, expect, it } from 'vitest';
import { nextShiftStart } from './shift-back';

describe('next shift start', () => {
  const mon = (hhmm: string) => new Date(`2026-12-07T${hhmm}:00`); // a Monday, local time
  it('today later, tomorrow, or the next working day', () => {
    expect(nextShiftStart({ days: [1, 2, 3, 4, 5], start: '08:00' }, mon('07:10'))).toEqual({ inDays: 0, start: '08:00' });
    expect(nextShiftStart({ days: [1, 2, 3, 4, 5], start: '08:00' }, mon('19:30'))).toEqual({ inDays: 1, start: '08:00' });
    expect(nextShiftStart({ days: [1, 2, 3, 4, 5, 6, 7], start: '20:00' }, mon('19:30'))).toEqual({ inDays: 0, start: '20:00' });
    // Saturday evening, Monday to Friday: Monday
    expect(nextShiftStart({ days: [1, 2, 3, 4, 5], start: '09:00' }, new Date('2026-12-12T19:00:00'))).toEqual({ inDays: 2, start: '09:00' });
  });
  it('nothing for a shift without days or a start', () => {
    expect(nextShiftStart({ days: [], start: '08:00' }, mon('07:00'))).toBeNull();
    expect(nextShiftStart({ start: '08:00' }, mon('07:00'))).toBeNull();
  });
});
