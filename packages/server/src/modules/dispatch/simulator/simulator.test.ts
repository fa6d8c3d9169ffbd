import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../engine';
import { generateScenario } from './generate';
import { replay, SIM_STRATEGIES } from './replay';
import { parseScenario, parseScenarioText, ScenarioError, scenarioWarnings, type ScenarioInput } from './scenario';
import { simulateDispatch } from './simulate';

const problems = (f: () => unknown): string[] => {
  try {
    f();
  } catch (err) {
    if (err instanceof ScenarioError) return err.problems;
    throw err;
  }
  return [];
};

// 2 engineers, 3 tickets on the equator at 60 km/h (1 km a minute): 0.045° of longitude is
// 6371.0088 km × 0.045 × π / 180 = 5.00376 km, so 5.00376 minutes of travel.
const STEP_KM = (6371.0088 * 0.045 * Math.PI) / 180;
const tiny: ScenarioInput = {
  name: '小场景',
  timeZone: 'UTC',
  speedKmh: 60,
  engineers: [
    { id: '张工', home: [0, 0], skills: { 电梯维保: 3 }, shift: { start: '08:00', end: '18:00' }, capacity: 1 },
    { id: '李工', home: [0, 0.09], skills: { 电梯维保: 1 }, shift: { start: '08:00', end: '18:00' }, capacity: 1 },
  ],
  tickets: [
    // only 张工 has level 2: 5.00376 km, on site 09:05:00.2 — within 10 minutes
    { id: '工单1', arrival: '2026-03-02T09:00:00Z', location: [0, 0.045], skill: '电梯维保', level: 2, priority: 'normal', slaMinutes: 10, durationMinutes: 30 },
    // 张工 is full (capacity 1): 李工, at home on the site, 0 km, on site at once
    { id: '工单2', arrival: '2026-03-02T09:10:00Z', location: [0, 0.09], skill: '电梯维保', level: 1, priority: 'high', slaMinutes: 5, durationMinutes: 60 },
    // both full: queued until 张工 frees at 09:35:00.2, 5.00376 km back, on site 09:40 — SLA missed
    { id: '工单3', arrival: '2026-03-02T09:20:00Z', location: [0, 0], skill: '电梯维保', level: 1, priority: 'normal', slaMinutes: 10, durationMinutes: 20 },
  ],
};

describe('scenario file', () => {
  it('refuses unknown fields naming their path', () => {
    const bad = structuredClone(tiny) as Record<string, unknown> & ScenarioInput;
    (bad.tickets[2] as Record<string, unknown>).colour = '红';
    (bad.engineers[0] as Record<string, unknown>).age = 30;
    (bad as Record<string, unknown>).extra = true;
    expect(problems(() => parseScenario(bad)).sort()).toEqual(['engineers[0].age: unknown field', 'extra: unknown field', 'tickets[2].colour: unknown field']);
    expect(() => parseScenario(bad)).toThrow(/tickets\[2\]\.colour: unknown field/);
  });

  it('names wrong values and duplicate ids', () => {
    const bad = structuredClone(tiny);
    bad.tickets[1].priority = 'asap' as never;
    bad.engineers[1].shift.start = '8点';
    expect(problems(() => parseScenario(bad)).map((p) => p.split(':')[0]).sort()).toEqual(['engineers[1].shift.start', 'tickets[1].priority']);
    const dup = structuredClone(tiny);
    dup.tickets[2].id = '工单1';
    expect(problems(() => parseScenario(dup))).toEqual(['tickets[2].id: "工单1" is used twice']);
    expect(problems(() => parseScenarioText('{"speedKmh":'))[0]).toMatch(/^not JSON/);
  });

  it('says which type a wrong value should have, and what the file must be', () => {
    const bad = structuredClone(tiny);
    (bad.tickets[0] as Record<string, unknown>).level = '3';
    delete (bad.tickets[1] as Partial<typeof bad.tickets[1]>).level;
    expect(problems(() => parseScenario(bad))).toEqual(['tickets[0].level: expected a number, got a string', 'tickets[1].level: required']);
    expect(problems(() => parseScenarioText('[]'))).toEqual(['the file must be a JSON object with speedKmh, engineers and tickets, not an array']);
    expect(problems(() => parseScenarioText('"场景"'))).toEqual(['the file must be a JSON object with speedKmh, engineers and tickets, not a string']);
  });

  it('warns of tickets needing a skill no engineer has', () => {
    const s = structuredClone(tiny);
    s.tickets[2].skill = '困人救援';
    expect(scenarioWarnings(parseScenario(s))).toEqual(['1 ticket(s) need the skill "困人救援", which no engineer has: they will stay unassigned (工单3)']);
    expect(scenarioWarnings(parseScenario(tiny))).toEqual([]);
  });
});

describe('generator', () => {
  it('is deterministic for a seed and writes a valid scenario', () => {
    const a = generateScenario({ seed: 42, engineers: 30, tickets: 200 });
    expect(generateScenario({ seed: 42, engineers: 30, tickets: 200 })).toEqual(a);
    expect(generateScenario({ seed: 43, engineers: 30, tickets: 200 })).not.toEqual(a);
    expect(parseScenario(JSON.parse(JSON.stringify(a)))).toEqual(a);
    expect(a.engineers).toHaveLength(30);
    expect(a.tickets).toHaveLength(200);
    expect(a.engineers.some((e) => e.certifications.some((c) => c.expires < '2026-03-02'))).toBe(true);
  });
});

describe('replay', () => {
  const scenario = parseScenario(tiny);

  it('gives the hand-computed figures on a tiny day, for every strategy', () => {
    for (const strategy of SIM_STRATEGIES.filter((s) => s !== 'batch' && s !== 'outlet')) {
      const [f] = simulateDispatch(scenario, { strategies: [strategy], weights: DEFAULT_WEIGHTS, batchWindowS: 30 });
      expect(f.travelKmTotal).toBeCloseTo(2 * STEP_KM, 1);
      expect(f.travelKmMean).toBeCloseTo((2 * STEP_KM) / 3, 2);
      expect(f.slaAttainment).toBeCloseTo(2 / 3, 4);
      expect(f.waitMeanMin).toBeCloseTo((10 + STEP_KM) / 3, 2); // waits 0, 0 and 15.00376 (09:20 → 09:35:00.2)
      expect(f.waitP95Min).toBeCloseTo(10 + STEP_KM, 2);
      expect({ violations: f.violations, reassignments: f.reassignments, unassigned: f.unassigned, fix: f.firstPersonFixShare }).toEqual({ violations: 0, reassignments: 0, unassigned: 0, fix: null });
      // work: 张工 5.00376 + 30 + 5.00376 + 20, 李工 0 + 60
      const a = 2 * STEP_KM + 50;
      const mean = (a + 60) / 2;
      expect(f.loadSpreadCv).toBeCloseTo(Math.abs(a - 60) / 2 / mean, 3);
      expect(f.loadSpreadSdMin).toBeCloseTo(Math.abs(a - 60) / 2, 1);
    }
  });

  it('batch decides at the end of the window', () => {
    const [f] = simulateDispatch(scenario, { strategies: ['batch'], weights: DEFAULT_WEIGHTS, batchWindowS: 30 });
    expect(f.slaAttainment).toBeCloseTo(2 / 3, 4);
    expect(f.waitMeanMin).toBeCloseTo((0.5 + 0.5 + 10.5 + STEP_KM) / 3, 2); // each window adds 30 s
  });

  it('sends a second visit to someone else when the first does not fix it', () => {
    const s = structuredClone(tiny);
    s.engineers[1].skills = { 电梯维保: 3 };
    s.engineers[0].fixProbability = { 电梯维保: 0 };
    s.engineers[1].fixProbability = 1;
    s.tickets = [s.tickets[0]];
    const rec = replay(parseScenario(s), { strategy: 'nearest', weights: DEFAULT_WEIGHTS, batchWindowS: 30 });
    expect(rec.reassignments).toBe(1);
    expect(rec.tickets[0].firstPersonFixed).toBe(false);
    expect(rec.tickets[0].failedBy).toEqual(['张工']);
    expect(rec.tripsKm.map((k) => Math.round(k * 1000) / 1000)).toEqual([5.004, 5.004]);
  });

  it('gives nobody more visits in a local day than their daily limit (每日上限); the next day counts again', () => {
    // one engineer, four short visits on the spot: two on Monday, two on Tuesday; a limit of 1 a day
    const s: ScenarioInput = {
      timeZone: 'Asia/Shanghai',
      speedKmh: 60,
      engineers: [{ id: '王工', home: [31.2, 121.4], skills: { 空调维修: 2 }, shift: { start: '08:00', end: '18:00' }, capacity: 3, dailyLimit: 1 }],
      tickets: ['2026-03-02T09:00:00+08:00', '2026-03-02T10:00:00+08:00', '2026-03-03T09:00:00+08:00', '2026-03-03T10:00:00+08:00'].map((arrival, i) => ({
        id: `单${i + 1}`, arrival, location: [31.2, 121.4] as [number, number], skill: '空调维修', level: 1, priority: 'normal' as const, slaMinutes: 240, durationMinutes: 30,
      })),
    };
    for (const strategy of ['round_robin', 'nearest', 'scored', 'batch'] as const) {
      const rec = replay(parseScenario(s), { strategy, weights: DEFAULT_WEIGHTS, batchWindowS: 30, improveEveryMin: strategy === 'scored' ? 15 : undefined });
      const assignedOn = rec.tickets.map((t) => (t.firstAssignedAt === null ? null : new Date(t.firstAssignedAt + 8 * 3_600_000).toISOString().slice(0, 10)));
      // each later one waits for the next day's shift (the simulation runs to the day after the last arrival)
      expect({ strategy, assignedOn, violations: rec.violations }).toEqual({ strategy, assignedOn: ['2026-03-02', '2026-03-03', '2026-03-04', null], violations: 0 });
      expect(rec.unassigned).toBe(1);
    }
    expect(problems(() => parseScenario({ ...s, engineers: [{ ...s.engineers[0], dailyLimit: -1 }] }))[0]).toMatch(/^engineers\[0\]\.dailyLimit/);
  });

  it('never assigns against a hard rule, whatever the strategy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 40 }), (seed, engineers, tickets) => {
        const s = generateScenario({ seed, engineers, tickets });
        for (const f of simulateDispatch(s, { strategies: [...SIM_STRATEGIES], weights: DEFAULT_WEIGHTS, batchWindowS: 30 })) {
          expect(f.violations).toBe(0);
          expect(f.tickets).toBe(tickets);
        }
      }),
      { numRuns: 25 },
    );
  });
});
