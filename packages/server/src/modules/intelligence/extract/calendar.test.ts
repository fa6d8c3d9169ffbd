import { describe, expect, it } from 'vitest';
import { intlWall, wall } from './calendar';

// wall() caches each zone's offset per quarter hour of UTC; it must agree with Intl (intlWall) at
// every instant, including across daylight-saving transitions and in zones with :30 and :45 offsets.

describe('wall', () => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Asia/Kolkata', 'UTC'];
  it('agrees with Intl across DST transitions and odd offsets', () => {
    // around the 2026 transitions (March, April, October, November) and every 7 minutes 13 seconds between
    const starts = [Date.UTC(2026, 2, 7), Date.UTC(2026, 2, 28), Date.UTC(2026, 3, 4), Date.UTC(2026, 9, 3), Date.UTC(2026, 9, 24), Date.UTC(2026, 10, 1)];
    for (const zone of zones)
      for (const start of starts)
        for (let t = start; t < start + 3 * 86_400_000; t += 433_001) expect(wall(t, zone), `${zone} ${new Date(t).toISOString()}`).toEqual(intlWall(t, zone));
  });

  it('gives the Shanghai wall clock of an instant', () => {
    expect(wall(Date.UTC(2026, 11, 31, 16, 30, 5), 'Asia/Shanghai')).toEqual({ y: 2027, m: 1, d: 1, h: 0, min: 30, s: 5 });
  });
});
