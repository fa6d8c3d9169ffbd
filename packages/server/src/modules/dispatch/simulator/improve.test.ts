import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../engine';
import { replay } from './replay';
import { parseScenario } from './scenario';

// 日内优化 in the replay: a job given to the only engineer on shift moves to the one next to it when they
// come on shift, instead of being driven to 40 km away after the visit under way.
// On the equator at 60 km/h a degree of longitude is 111.195 km: 0.09° ≈ 10 km ≈ 10 minutes.
const scenario = parseScenario({
  name: '日内优化',
  timeZone: 'UTC',
  speedKmh: 60,
  engineers: [
    { id: '东工', home: [0, 0.36], skills: { 电梯维保: 3 }, shift: { start: '08:00', end: '18:00' }, capacity: 3 },
    { id: '西工', home: [0, 0], skills: { 电梯维保: 3 }, shift: { start: '08:30', end: '18:00' }, capacity: 3 },
  ],
  tickets: [
    // at 东工's door: on site at once, until 09:00
    { id: '东单', arrival: '2026-03-02T08:00:00Z', location: [0, 0.36], skill: '电梯维保', level: 1, priority: 'normal', slaMinutes: 600, durationMinutes: 60 },
    // at 西工's door, before 西工's shift: only 东工 may take it; due 10:01, too tight to hold it for
    // someone nearer (engine holdUntil: 东工 would arrive 09:40, 21 minutes before)
    { id: '西单', arrival: '2026-03-02T08:01:00Z', location: [0, 0], skill: '电梯维保', level: 1, priority: 'normal', slaMinutes: 120, durationMinutes: 10 },
  ],
});

describe('日内优化 in the replay', () => {
  const run = (strategy: 'scored' | 'batch' | 'round_robin', improveEveryMin?: number) => {
    const rec = replay(scenario, { strategy, weights: DEFAULT_WEIGHTS, batchWindowS: 30, improveEveryMin });
    const west = rec.tickets.find((t) => t.t.id === '西单')!;
    return { rec, onSite: new Date(west.firstOnSiteAt!).toISOString().slice(11, 16), km: rec.tripsKm.reduce((a, b) => a + b, 0) };
  };

  it.each(['scored', 'batch'] as const)('%s: the job moves to the engineer beside it when their shift starts', (strategy) => {
    const off = run(strategy);
    expect(off.onSite).toBe('09:40');
    expect(off.km).toBeCloseTo(40, 0);
    expect(off.rec.moves).toBe(0);
    const on = run(strategy, 5);
    expect(on.onSite).toBe('08:30');
    expect(on.km).toBeCloseTo(0, 3);
    expect(on.rec.moves).toBe(1);
    expect(on.rec.violations).toBe(0);
  });

  it('the naive strategies are not re-planned', () => {
    expect(run('round_robin', 5).rec.moves).toBe(0);
  });
});
