import { describe, expect, it } from 'vitest';
import type { Stop } from '../engine/types';
import { addStop, minutesLeft, OVERRUN_MINUTES, stopOrder } from './work-in-hand';

// The order dispatch assumes for a person's visits not started: earliest deadline first, none last,
// then the oldest offer; a visit offered now goes after those due no later.
const at = (min: number | null) => (min === null ? null : new Date(Date.UTC(2026, 2, 6, 2) + min * 60_000));
const stop = (ticketId: string, due: number | null): Stop => ({ ticketId, at: [31.2, 121.5], durationMinutes: 60, dueAt: at(due) });

describe('the order of the visits not started', () => {
  it('earliest deadline first, none last, then the oldest offer', () => {
    const list = [
      { ...stop('无时限', null), offeredAt: 1 },
      { ...stop('晚', 300), offeredAt: 2 },
      { ...stop('早-后派', 60), offeredAt: 9 },
      { ...stop('早-先派', 60), offeredAt: 3 },
    ];
    expect(list.sort(stopOrder).map((s) => s.ticketId)).toEqual(['早-先派', '早-后派', '晚', '无时限']);
  });

  it('a new visit goes after those due no later, before those due later', () => {
    const stops = [stop('甲', 60), stop('乙', 120), stop('丙', null)];
    expect(addStop(stops, stop('新', 120)).map((s) => s.ticketId)).toEqual(['甲', '乙', '新', '丙']);
    expect(addStop(stops, stop('急', 30)).map((s) => s.ticketId)).toEqual(['急', '甲', '乙', '丙']);
    expect(addStop(stops, stop('无', null)).map((s) => s.ticketId)).toEqual(['甲', '乙', '丙', '无']);
    expect(addStop([], stop('新', 10)).map((s) => s.ticketId)).toEqual(['新']);
    expect(stops.map((s) => s.ticketId)).toEqual(['甲', '乙', '丙']); // not changed in place
  });

  it('a visit under way counts what is left of it after check-in, at least the overrun allowance; not checked in, all of it', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    const ago = (min: number) => new Date(now.getTime() - min * 60_000);
    expect(minutesLeft(null, now)).toBe(60);
    expect(minutesLeft(ago(0), now)).toBe(60);
    expect(minutesLeft(ago(45), now)).toBe(15);
    expect(minutesLeft(ago(55), now)).toBe(OVERRUN_MINUTES);
    expect(minutesLeft(ago(180), now)).toBe(OVERRUN_MINUTES);
  });
});
