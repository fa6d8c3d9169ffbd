import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, CHINA_2026, type CalendarSpec, type Interval } from '../../calendars';
import { computeClocks } from './compute-clocks';
import { WALL_CLOCK, type ClockCalendar, type SlaEvent, type Target } from './sla-types';

// The clocks on the demo's "工作日 9:00–18:00（午休 12:00–13:30）" calendar with the official 2026 schedule:
// lunch breaks, weekends, 春节 (2月15日–23日放假) with its make-up Saturdays 2月14日 and 2月28日, pauses, and a
// priority change between business and calendar time. 450 working minutes a day.

const day: Interval[] = [['09:00', '12:00'], ['13:30', '18:00']];
const spec: CalendarSpec = {
  id: null,
  name: '工作日 9:00–18:00（午休 12:00–13:30）',
  timeZone: 'Asia/Shanghai',
  alwaysOpen: false,
  week: { '1': day, '2': day, '3': day, '4': day, '5': day, '6': [], '7': [] },
  days: CHINA_2026.map((d) => ({ ...d, hours: null })),
};
const office: ClockCalendar = { name: spec.name, add: (f, m) => addBusinessMinutes(spec, f, m), between: (f, t) => businessMinutesBetween(spec, f, t) };
const at = (s: string) => new Date(`${s}:00+08:00`);
const local = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

function clocks(created: string, targets: Record<string, Target>, events: SlaEvent[] = []) {
  const list = computeClocks({
    ticket: { createdAt: at(created), initialStatus: 'new', onSite: false },
    events,
    targets,
    warnRemaining: 0.3,
    calendar: office,
    wallClock: WALL_CLOCK,
    pauseStatuses: ['pending', 'on_hold'],
    firstResponseOn: 'reply',
  });
  return Object.fromEntries(list.map((c) => [c.metric, c]));
}
const business = (minutes: number): Target => ({ minutes, business: true });

describe('SLA clocks on the 2026 China business calendar', () => {
  it('午休: a 2-hour first response from 11:00 ends at 14:30; the warning (30% left) at 13:54', () => {
    const c = clocks('2026-03-02T11:00', { first_response: business(120) });
    expect(local(c.first_response.dueAt)).toBe('2026-03-02 14:30');
    expect(local(c.first_response.warnAt)).toBe('2026-03-02 13:54');
  });

  it('周末: two business days from Friday 17:00 end on Tuesday 17:00', () => {
    expect(local(clocks('2026-03-06T17:00', { resolution: business(900) }).resolution.dueAt)).toBe('2026-03-10 17:00');
  });

  it('春节: from Friday 13 February 16:00, two business days run through the make-up Saturday 14 February and on after the holiday', () => {
    expect(local(clocks('2026-02-13T16:00', { resolution: business(900) }).resolution.dueAt)).toBe('2026-02-24 16:00');
    // a ticket opened on the last holiday waits for the first working morning
    expect(local(clocks('2026-02-23T10:00', { first_response: business(120) }).first_response.dueAt)).toBe('2026-02-24 11:00');
  });

  it('调休: the make-up Saturday 28 February is a working day; an ordinary Saturday is not', () => {
    expect(local(clocks('2026-02-27T17:00', { first_response: business(120) }).first_response.dueAt)).toBe('2026-02-28 10:00');
    expect(local(clocks('2026-03-06T17:00', { first_response: business(120) }).first_response.dueAt)).toBe('2026-03-09 10:00');
  });

  it('暂停计时: a day 待客户反馈 adds its working minutes to the due time', () => {
    const c = clocks('2026-03-02T09:00', { resolution: business(900) }, [
      { at: at('2026-03-02T10:00'), kind: 'status', from: 'new', to: 'pending' },
      { at: at('2026-03-03T10:00'), kind: 'status', from: 'pending', to: 'open' },
    ]);
    expect(local(c.resolution.dueAt)).toBe('2026-03-04 18:00');
    expect(c.resolution.pausedMinutes).toBe(450);
  });

  it('a pause over the Spring Festival costs no working time: only working minutes count as paused', () => {
    const c = clocks('2026-02-13T09:00', { resolution: business(900) }, [
      { at: at('2026-02-13T10:00'), kind: 'status', from: 'new', to: 'on_hold' },
      { at: at('2026-02-24T09:00'), kind: 'status', from: 'on_hold', to: 'open' },
    ]);
    // paused: Fri 13th 10:00–18:00 (390) and the make-up Saturday (450); 60 min used before, 840 left from Tue 24th 09:00
    expect(c.resolution.pausedMinutes).toBe(840);
    expect(local(c.resolution.dueAt)).toBe('2026-02-25 17:00');
  });

  it('优先级变更: raising a normal ticket (2 business days) to urgent (4 hours 7×24) replays its history with the new target', () => {
    const events: SlaEvent[] = [{ at: at('2026-02-13T17:30'), kind: 'staff_reply' }];
    expect(local(clocks('2026-02-13T17:00', { resolution: business(900) }, events).resolution.dueAt)).toBe('2026-02-24 17:00');
    expect(local(clocks('2026-02-13T17:00', { resolution: { minutes: 240, business: false } }, events).resolution.dueAt)).toBe('2026-02-13 21:00');
  });
});
