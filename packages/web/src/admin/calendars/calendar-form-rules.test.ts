import { describe, expect, it } from 'vitest';
import { parseIntervals, weekFromTexts, weeklyMinutes, weekTexts } from './calendar-form-rules';

describe('week editor text', () => {
  it('reads intervals written the way people write them', () => {
    expect(parseIntervals('09:00-12:00, 13:30-18:00')).toEqual([['09:00', '12:00'], ['13:30', '18:00']]);
    expect(parseIntervals('9:00–12:00，13:30至18:00')).toEqual([['09:00', '12:00'], ['13:30', '18:00']]);
    expect(parseIntervals('18:00-24:00')).toEqual([['18:00', '24:00']]);
    expect(parseIntervals('')).toEqual([]);
    expect(parseIntervals('上午九点')).toBeNull();
  });

  it('round trips a week and counts its hours', () => {
    const office: [string, string][] = [['09:00', '12:00'], ['13:30', '18:00']];
    const week = { '1': office, '2': office, '3': office, '4': office, '5': office, '6': [], '7': [] };
    const texts = weekTexts(week);
    expect(texts['1']).toBe('09:00-12:00, 13:30-18:00');
    expect(weekFromTexts(texts)).toEqual({ week });
    expect(weekFromTexts({ ...texts, '3': '九点到十二点' })).toEqual({ bad: '3' });
    expect(weeklyMinutes(week)).toBe(5 * 450);
  });
});
