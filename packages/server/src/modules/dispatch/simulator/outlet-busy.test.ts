import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, insertion } from '../engine';
import { busyOf, toNeed, toPerson, type EngineerState, type TicketState } from './live-state';
import { parseScenario, ScenarioError, type ScenarioInput } from './scenario';
import { simulateDispatch } from './simulate';

// On the equator at 60 km/h: 0.045° of longitude ≈ 5.00376 km ≈ 5.00376 minutes.
const STEP_KM = (6371.0088 * 0.045 * Math.PI) / 180;
const day: ScenarioInput = {
  timeZone: 'UTC',
  speedKmh: 60,
  outlets: [
    { id: '东站', name: '东区服务网点', at: [0, 0.09] },
    { id: '西站', at: [0, 0] },
  ],
  engineers: [
    { id: '西工', home: [0, 0.08], skills: { 电梯维保: 3 }, shift: { start: '08:00', end: '18:00' }, capacity: 2, outlet: '西站' },
    { id: '东工', home: [0, 0.0], skills: { 电梯维保: 3 }, shift: { start: '08:00', end: '18:00' }, capacity: 2, outlet: '东站' },
  ],
  tickets: [{ id: '工单1', arrival: '2026-03-02T09:00:00Z', location: [0, 0.09], skill: '电梯维保', level: 1, priority: 'normal', slaMinutes: 60, durationMinutes: 30 }],
};

describe('outlets in the simulator', () => {
  it('refuses an engineer whose outlet is not one of the outlets', () => {
    const bad = structuredClone(day);
    bad.engineers[0].outlet = '北站';
    expect(() => parseScenario(bad)).toThrow(ScenarioError);
    expect(() => parseScenario(bad)).toThrow(/engineers\[0\]\.outlet: "北站" is not one of the outlets' ids/);
  });

  it('the outlet strategy sends the nearest outlet\'s engineer, even when another is nearer the site', () => {
    const [outlet, nearest] = simulateDispatch(parseScenario(day), { strategies: ['outlet', 'nearest'], weights: DEFAULT_WEIGHTS, batchWindowS: 30 });
    expect(outlet.travelKmTotal).toBeCloseTo(2 * STEP_KM, 1); // 东工 from [0, 0], the 东站 outlet's
    expect(nearest.travelKmTotal).toBeCloseTo((2 * STEP_KM) / 9, 1); // 西工 from [0, 0.08]
    expect(outlet.violations).toBe(0);
  });

  it('refuses the outlet strategy on a scenario without outlets', () => {
    const { outlets: _, ...plain } = day;
    const s = parseScenario({ ...plain, engineers: plain.engineers.map(({ outlet: __, ...e }) => e) });
    expect(() => simulateDispatch(s, { strategies: ['outlet'], weights: DEFAULT_WEIGHTS, batchWindowS: 30 })).toThrow(/outlet strategy needs/);
  });
});

describe('an engineer\'s work in hand, as the engine sees it', () => {
  it('is the rest of the visit under way, ending at its site, then the jobs not started in order', () => {
    const s = parseScenario({ ...day, tickets: [day.tickets[0], { ...day.tickets[0], id: '工单2', location: [0, 0.135] }] });
    const tickets: TicketState[] = s.tickets.map((t) => ({ t, arrival: Date.parse(t.arrival), failedBy: [], firstAssignedAt: null, firstOnSiteAt: null, firstPersonFixed: null }));
    const now = Date.parse('2026-03-02T09:00:00Z');
    const visits = tickets.map((ticket) => ({ ticket, number: 1, since: now, need: toNeed(ticket, now) }));
    const e: EngineerState = { e: s.engineers[1], pos: [0, 0], leg: null, jobs: [], busy: false, workDoneMin: 0, legMin: 0, jobEnd: 0, history: {}, given: { day: '', n: 0 } };
    expect(toPerson(e, now, 60)).toMatchObject({ busyMinutes: 0, freeAt: null, stops: [] });
    // the first job ends 10 minutes from now at [0, 0.09]; the second, 5.00376 km further, is not started
    e.jobs = visits;
    e.busy = true;
    e.jobEnd = now + 10 * 60_000;
    const p = toPerson(e, now, 60);
    expect(p).toMatchObject({ busyMinutes: 10, freeAt: [0, 0.09], stops: [{ ticketId: '工单2', at: [0, 0.135], durationMinutes: 30, dueAt: new Date(now + 60 * 60_000) }] });
    expect(toPerson(e, now + 20 * 60_000, 60).busyMinutes).toBe(0); // the first job's end passed
    // a third job at the outlet 东站 [0, 0.09]: best right after the first (no travel there), which
    // delays 工单2 by its 30 minutes and leaves it 60 − 10 − 30 − 5.00376 minutes of slack
    const third = insertion(p, toNeed({ ...tickets[0], t: { ...tickets[0].t, id: '工单3' } }, now), { now: new Date(now), timeZone: 'UTC', speedKmh: 60, positionStaleMs: 300_000 });
    expect(third.index).toBe(0);
    expect(third.travelMinutes).toBeCloseTo(0, 6);
    expect(third.slackMinutes).toBeCloseTo(60 - 10 - 30 - STEP_KM, 6);
  });
});

describe('busy minutes when jobs are done in the order given (the naive strategies)', () => {
  it('are the rest of the visit under way, then each job in hand with its trip, ending at the last site', () => {
    const s = parseScenario({ ...day, tickets: [day.tickets[0], { ...day.tickets[0], id: '工单2', location: [0, 0.135] }] });
    const tickets: TicketState[] = s.tickets.map((t) => ({ t, arrival: Date.parse(t.arrival), failedBy: [], firstAssignedAt: null, firstOnSiteAt: null, firstPersonFixed: null }));
    const now = Date.parse('2026-03-02T09:00:00Z');
    const e: EngineerState = { e: s.engineers[1], pos: [0, 0], leg: null, jobs: [], busy: false, workDoneMin: 0, legMin: 0, jobEnd: 0, history: {}, given: { day: '', n: 0 } };
    expect(busyOf(e, now, 60)).toEqual({ minutes: 0, freeAt: null });
    e.jobs = tickets.map((ticket) => ({ ticket, number: 1, since: now, need: toNeed(ticket, now) }));
    e.busy = true;
    e.jobEnd = now + 10 * 60_000;
    expect(busyOf(e, now, 60).minutes).toBeCloseTo(10 + STEP_KM + 30, 6);
    expect(busyOf(e, now + 20 * 60_000, 60).minutes).toBeCloseTo(STEP_KM + 30, 6); // the first job's end passed
    const p = toPerson(e, now, 60, false);
    expect(p.stops).toBeUndefined();
    expect(p.busyMinutes).toBeCloseTo(10 + STEP_KM + 30, 6);
    expect(p.freeAt).toEqual([0, 0.135]);
  });
});
