import { describe, expect, it } from 'vitest';
import { solveVrptw } from '../solver';
import { bounds, buildDayProblem, parseWindow, readDays, type DayEngineer, type DayJob, type DaySettings } from './day-rules';

const S: DaySettings = { speedKmh: 30, roadFactor: 1.3, breakFrom: 690, breakTo: 810, breakMinutes: 60, notBefore: 0 };
const HOME: [number, number] = [31.2, 121.45];
const eng = (userId: string, from = 480, to = 1080): DayEngineer => ({ userId, from: HOME, to: HOME, shiftFrom: from, shiftTo: to });
const job = (ticketId: string, at: [number, number] | null, window: [number, number] | null = null, minutes = 60): DayJob => ({ ticketId, location: at, minutes, window });
const plan = (engineers: DayEngineer[], jobs: DayJob[], s = S, eligible: (userId: string, ticketId: string) => boolean = () => true) => {
  const dp = buildDayProblem(engineers, jobs, s, eligible);
  return readDays(dp, solveVrptw(dp.problem, { timeLimitMs: 5000, seed: 1, maxIterations: 300 }), s);
};

describe('day plan rules (路线规划)', () => {
  it('reads a visit window from the ticket fields', () => {
    expect(parseWindow({ visitWindow: '09:00-12:00' })).toEqual([540, 720]);
    expect(parseWindow({ visitWindow: '14:30至16:00' })).toEqual([870, 960]);
    expect(parseWindow({ visitFrom: '10:00' })).toEqual([600, 1440]);
    expect(parseWindow({ visitTo: '11:15' })).toEqual([0, 675]);
    expect(parseWindow({ visitWindow: '下午' })).toBeNull();
    expect(parseWindow({ visitWindow: '15:00-09:00' })).toBeNull();
    expect(parseWindow({})).toBeNull();
  });

  it('orders the visits by their windows, travel at the speed, the break in a gap of the break time', () => {
    const { days, unplanned } = plan([eng('张')], [job('下午', [31.21, 121.46], [840, 900]), job('上午', [31.25, 121.5], [540, 600])]);
    expect(unplanned).toEqual([]);
    const d = days[0];
    expect(d.stops.map((s) => s.ticketId)).toEqual(['上午', '下午']);
    expect(d.stops[0].startAt).toBeGreaterThanOrEqual(540);
    expect(d.stops[1].startAt).toBeGreaterThanOrEqual(840);
    // km of the first leg from home: the straight line × 1.3; arriving after that travel
    expect(d.stops[0].travelKm).toBeGreaterThan(5);
    expect(d.stops[0].arriveAt).toBeCloseTo(480 + (d.stops[0].travelKm / 30) * 60, 5);
    expect(d.break!.startAt).toBeGreaterThanOrEqual(690);
    expect(d.break!.startAt).toBeLessThanOrEqual(810);
    expect(d.break!.endAt - d.break!.startAt).toBe(60);
    const lastEnd = d.stops[0].endAt;
    expect(d.break!.startAt).toBeGreaterThanOrEqual(lastEnd);
    expect(d.break!.endAt).toBeLessThanOrEqual(d.stops[1].arriveAt);
  });

  it('does not start before now, and leaves what does not fit in the shift or has no site unplanned', () => {
    const { days, unplanned } = plan([eng('张', 480, 720)], [job('一', [31.21, 121.46]), job('二', [31.22, 121.47], [0, 560]), job('无地址', null)], { ...S, notBefore: 600, breakMinutes: 0 });
    expect(days[0].stops.map((s) => s.ticketId)).toEqual(['一']);
    expect(days[0].stops[0].arriveAt).toBeGreaterThanOrEqual(600);
    expect(unplanned).toEqual(expect.arrayContaining([{ ticketId: '无地址', reason: 'no_site' }, { ticketId: '二', reason: 'no_time' }]));
  });

  it('a team day: a job only to an engineer allowed to take it', () => {
    const only李 = (userId: string, ticketId: string) => ticketId !== '空调' || userId === '李';
    const { days } = plan([eng('张'), eng('李')], [job('空调', [31.2, 121.46]), job('电梯', [31.21, 121.45])], S, only李);
    expect(days.find((d) => d.userId === '李')!.stops.map((s) => s.ticketId)).toContain('空调');
    expect(days.find((d) => d.userId === '张')!.stops.map((s) => s.ticketId)).not.toContain('空调');
  });

  it("closes a visit's window at the SLA deadline when it falls inside it, else leaves it", () => {
    const due = (window: [number, number] | null, d: number | null) => bounds({ ...job('单', HOME, window), due: d });
    expect(due(null, 600)).toEqual([0, 600]);
    expect(due([540, 720], 600)).toEqual([540, 600]);
    expect(due([540, 720], 800)).toEqual([540, 720]); // after the window: the window is the tighter
    expect(due([540, 720], 500)).toEqual([540, 720]); // before it opens: no visit keeps it, the window stays
    expect(due([540, 720], null)).toEqual([540, 720]);
  });

  it('visits the job due first though distance alone would take the other first', () => {
    // from the north end to home in the south: north job first by distance, the south job is due at 09:45
    const north: DayEngineer = { userId: '张', from: [31.33, 121.45], to: HOME, shiftFrom: 480, shiftTo: 1080 };
    const jobs = [job('北', [31.325, 121.45]), { ...job('南', [31.21, 121.45]), due: 585 }];
    const order = (list: DayJob[]) => plan([north], list, { ...S, notBefore: 540 }).days[0].stops.map((s) => s.ticketId);
    expect(order(jobs.map((j) => ({ ...j, due: null })))).toEqual(['北', '南']);
    expect(order(jobs)).toEqual(['南', '北']);
  });
});
