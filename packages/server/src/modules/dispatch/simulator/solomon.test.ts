import { describe, expect, it } from 'vitest';
import { travelKm } from '../engine';
import { parseSolomon, SolomonFormatError, solomonToScenario } from './solomon';

const C = `C999

VEHICLE
NUMBER     CAPACITY
  4         200

CUSTOMER
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

    0      40         50          0          0       1200          0
    1      45         50         10        100        160         90
    2      40         30         30        600        700         90
    3      20         50         20        300        330         90
`;

describe('Solomon conversion', () => {
  it('keeps the instance proportions: a time unit is f = 600 / horizon minutes, a coordinate unit f × 0.5 km', () => {
    const s = solomonToScenario(parseSolomon(C));
    const f = 600 / 1200;
    expect(s.engineers).toHaveLength(4);
    expect(s.tickets.map((t) => t.id)).toEqual(['C1', 'C3', 'C2']);
    const c1 = s.tickets[0];
    expect(c1.arrival).toBe('2026-03-02T08:50:00+08:00'); // 08:00 + 100 × f
    expect(c1.slaMinutes).toBe(60 * f);
    expect(c1.durationMinutes).toBe(90 * f);
    // 5 units from the depot (on the city's centre): 5 × f × 0.5 km; travel 5 × f minutes at 30 km/h
    expect(travelKm([31.23, 121.47], c1.location)).toBeCloseTo(5 * f * 0.5, 2);
    expect(s.speedKmh).toBe(30);
    expect(solomonToScenario(parseSolomon(C))).toEqual(s);
  });

  it('refuses what is not an instance', () => {
    expect(() => parseSolomon('hello')).toThrow(SolomonFormatError);
    expect(() => parseSolomon(C.replace('45         50', '45  x'))).toThrow(/line \d+: expected 7 numbers/);
  });
});
