import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../engine';
import { replay } from './replay';
import { parseScenario } from './scenario';

// 插单 in the replay: a tight ticket arriving while an engineer holds a day-long job goes before it, so
// it is reached in time; appended after it, it would be 14 minutes late.
// On the equator at 60 km/h a degree of longitude is 111.195 km: 0.09° ≈ 10 km ≈ 10 minutes.
const scenario = parseScenario({
  name: '插单',
  timeZone: 'UTC',
  speedKmh: 60,
  engineers: [{ id: '王工', home: [0, 0], skills: { 电梯维保: 3 }, shift: { start: '08:00', end: '18:00' }, capacity: 3 }],
  tickets: [
    // on site 09:10, done 09:20
    { id: '甲', arrival: '2026-03-02T09:00:00Z', location: [0, 0.09], skill: '电梯维保', level: 1, priority: 'normal', slaMinutes: 600, durationMinutes: 10 },
    // the whole day to reach it, 10 km further east
    { id: '乙', arrival: '2026-03-02T09:00:01Z', location: [0, 0.18], skill: '电梯维保', level: 1, priority: 'normal', slaMinutes: 600, durationMinutes: 10 },
    // 1 km from 甲, due 09:35: after 甲 on site 09:21; after 乙 only at 09:49
    { id: '急', arrival: '2026-03-02T09:05:00Z', location: [0, 0.099], skill: '电梯维保', level: 1, priority: 'high', slaMinutes: 30, durationMinutes: 10 },
  ],
});

describe('the order of an engineer\'s jobs in the replay', () => {
  const run = (strategy: 'scored' | 'batch' | 'round_robin') => {
    const order: string[] = [];
    const rec = replay(scenario, { strategy, weights: DEFAULT_WEIGHTS, batchWindowS: 30, onTrip: (t) => order.push(t.visit.ticket.t.id) });
    const urgent = rec.tickets.find((t) => t.t.id === '急')!;
    return { order, late: (urgent.firstOnSiteAt! - urgent.arrival) / 60_000 - urgent.t.slaMinutes, rec };
  };

  it.each(['scored', 'batch'] as const)('%s: the tight ticket goes before the day-long one and is reached in time', (strategy) => {
    const { order, late, rec } = run(strategy);
    expect(order).toEqual(['甲', '急', '乙']);
    expect(late).toBeGreaterThan(-14.5); // on site 16 minutes after it came (batch: + its 30-second window) of 30
    expect(late).toBeLessThan(-13);
    expect(rec.tickets.every((t) => t.firstOnSiteAt! - t.arrival <= t.t.slaMinutes * 60_000)).toBe(true);
  });

  it('round robin (the naive baseline) works in the order given: the tight ticket is late', () => {
    const { order, late } = run('round_robin');
    expect(order).toEqual(['甲', '乙', '急']);
    expect(late).toBeCloseTo(14, 0);
  });
});
