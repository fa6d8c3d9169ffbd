import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors';
import { addBusinessMinutes, businessMinutesBetween, isWorkingTime } from './business-time';
import { CHINA_2026 } from './china-2026';
import { ALWAYS_OPEN, type CalendarSpec, type Interval } from './types';

const office: Interval[] = [['09:00', '12:00'], ['13:30', '18:00']]; // 7.5 h = 450 min
const workweek = (iv: Interval[]): CalendarSpec['week'] => ({ '1': iv, '2': iv, '3': iv, '4': iv, '5': iv, '6': [], '7': [] });

/** 工作日 9:00–18:00（午休 12:00–13:30）with the 2026 法定节假日 */
const cal: CalendarSpec = {
  id: null,
  name: '工作日 9:00–18:00（午休 12:00–13:30）',
  timeZone: 'Asia/Shanghai',
  alwaysOpen: false,
  week: workweek(office),
  days: CHINA_2026.map((d) => ({ ...d, hours: null })),
};
const plain: CalendarSpec = { ...cal, name: '无节假日', days: [] };

/** Beijing wall time → Date */
const bj = (s: string) => new Date(`${s}+08:00`);
const iso = (d: Date) => d.toISOString();

describe('addBusinessMinutes on 工作日 9:00–18:00 with lunch', () => {
  it('skips the lunch break', () => {
    expect(iso(addBusinessMinutes(cal, bj('2026-03-10T11:00:00'), 120))).toBe(iso(bj('2026-03-10T14:30:00')));
    expect(iso(addBusinessMinutes(cal, bj('2026-03-10T12:30:00'), 30))).toBe(iso(bj('2026-03-10T14:00:00')));
  });

  it('ends exactly at the end of an interval, not at the next start', () => {
    expect(iso(addBusinessMinutes(cal, bj('2026-03-10T09:00:00'), 180))).toBe(iso(bj('2026-03-10T12:00:00')));
    expect(iso(addBusinessMinutes(cal, bj('2026-03-10T09:00:00'), 450))).toBe(iso(bj('2026-03-10T18:00:00')));
  });

  it('starts at the next opening when created outside working time', () => {
    expect(iso(addBusinessMinutes(cal, bj('2026-03-10T20:00:00'), 60))).toBe(iso(bj('2026-03-11T10:00:00')));
    expect(iso(addBusinessMinutes(cal, bj('2026-03-10T06:00:00'), 1))).toBe(iso(bj('2026-03-10T09:01:00')));
  });

  it('skips the weekend', () => {
    // Friday 2026-03-13 17:00 + 2 h → Monday 03-16 10:00
    expect(iso(addBusinessMinutes(cal, bj('2026-03-13T17:00:00'), 120))).toBe(iso(bj('2026-03-16T10:00:00')));
    expect(iso(addBusinessMinutes(cal, bj('2026-03-14T10:00:00'), 60))).toBe(iso(bj('2026-03-16T10:00:00')));
  });

  it('skips every public holiday of 2026', () => {
    const holidays = CHINA_2026.filter((d) => d.kind === 'holiday');
    expect(holidays).toHaveLength(33);
    for (const h of holidays) {
      expect(isWorkingTime(cal, bj(`${h.day}T10:00:00`)), h.day).toBe(false);
      expect(businessMinutesBetween(cal, bj(`${h.day}T00:00:00`), bj(`${h.day}T23:59:59`)), h.day).toBe(0);
      // the plain calendar works those days when they are weekdays
      const weekday = new Date(`${h.day}T00:00:00Z`).getUTCDay();
      expect(isWorkingTime(plain, bj(`${h.day}T10:00:00`)), h.day).toBe(weekday >= 1 && weekday <= 5);
    }
  });

  it('works on the 调休 weekend days with the Monday intervals', () => {
    const workdays = CHINA_2026.filter((d) => d.kind === 'workday').map((d) => d.day);
    expect(workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const d of workdays) {
      expect(isWorkingTime(cal, bj(`${d}T10:00:00`)), d).toBe(true);
      expect(isWorkingTime(cal, bj(`${d}T12:30:00`)), d).toBe(false);
      expect(businessMinutesBetween(cal, bj(`${d}T00:00:00`), bj(`${d}T23:59:00`)), d).toBe(450);
      expect(isWorkingTime(plain, bj(`${d}T10:00:00`)), d).toBe(false);
    }
  });

  it('both Spring Festival make-up Saturdays count, the festival week does not', () => {
    // Friday 02-13 17:00 + 2 h: 1 h on Friday, then Saturday 02-14 (调休上班) 10:00
    expect(iso(addBusinessMinutes(cal, bj('2026-02-13T17:00:00'), 120))).toBe(iso(bj('2026-02-14T10:00:00')));
    // Saturday 02-14 17:00 + 2 h: the holiday 02-15…02-23, back on Tuesday 02-24 10:00
    expect(iso(addBusinessMinutes(cal, bj('2026-02-14T17:00:00'), 120))).toBe(iso(bj('2026-02-24T10:00:00')));
    // Friday 02-27 17:00 + 2 h → Saturday 02-28 10:00 (the second make-up Saturday)
    expect(iso(addBusinessMinutes(cal, bj('2026-02-27T17:00:00'), 120))).toBe(iso(bj('2026-02-28T10:00:00')));
  });

  it('a 3-day target across the Spring Festival week', () => {
    // from Thursday 02-12 09:00, 3 working days = 1350 min: 02-12, 02-13, 02-14 (Saturday, 调休) → 02-14 18:00
    expect(iso(addBusinessMinutes(cal, bj('2026-02-12T09:00:00'), 1350))).toBe(iso(bj('2026-02-14T18:00:00')));
    // one more minute lands after the festival: Tuesday 02-24 09:01
    expect(iso(addBusinessMinutes(cal, bj('2026-02-12T09:00:00'), 1351))).toBe(iso(bj('2026-02-24T09:01:00')));
    // 02-10 to 03-02: 02-10..02-14 (5 days) + 02-24..02-28 (5 days incl. Saturday 02-28) = 10 days
    expect(businessMinutesBetween(cal, bj('2026-02-10T00:00:00'), bj('2026-03-02T00:00:00'))).toBe(10 * 450);
  });

  it('counts the working days of every month of 2026', () => {
    const days = (from: string, to: string) => businessMinutesBetween(cal, bj(`${from}T00:00:00`), bj(`${to}T00:00:00`)) / 450;
    // counted independently (Monday–Friday, minus the holidays, plus the 6 调休 days): 248 working days in 2026
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m, i, a) =>
      days(`2026-${m}-01`, i === 11 ? '2027-01-01' : `2026-${a[i + 1]}-01`),
    );
    expect(months).toEqual([21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23]);
    expect(months.reduce((a, b) => a + b, 0)).toBe(248);
  });

  it('a target outside working time starting on a holiday eve', () => {
    // National Day: Wednesday 09-30 17:00 + 4 h → 1 h that day, then 10-01…10-07 off, Thursday 10-08 12:00
    expect(iso(addBusinessMinutes(cal, bj('2026-09-30T17:00:00'), 240))).toBe(iso(bj('2026-10-08T12:00:00')));
  });
});

describe('7×24', () => {
  it('is plain elapsed time', () => {
    const from = bj('2026-02-17T03:17:00');
    expect(iso(addBusinessMinutes(ALWAYS_OPEN, from, 240))).toBe(iso(bj('2026-02-17T07:17:00')));
    expect(businessMinutesBetween(ALWAYS_OPEN, from, bj('2026-02-18T03:17:00'))).toBe(1440);
    expect(isWorkingTime(ALWAYS_OPEN, from)).toBe(true);
  });

  it('an interval ending at 24:00 runs to midnight', () => {
    const evening: CalendarSpec = { ...plain, week: { ...workweek([['18:00', '24:00']]) } };
    expect(iso(addBusinessMinutes(evening, bj('2026-03-10T23:00:00'), 120))).toBe(iso(bj('2026-03-11T19:00:00')));
    expect(isWorkingTime(evening, bj('2026-03-10T23:59:59'))).toBe(true);
    const allWeek = { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] } as CalendarSpec['week'];
    for (const k of Object.keys(allWeek) as (keyof CalendarSpec['week'])[]) allWeek[k] = [['00:00', '24:00']];
    const full: CalendarSpec = { ...plain, week: allWeek };
    expect(businessMinutesBetween(full, bj('2026-01-01T00:00:00'), bj('2027-01-01T00:00:00'))).toBe(365 * 1440);
  });
});

describe('time zones', () => {
  const ny: CalendarSpec = { ...plain, name: 'New York', timeZone: 'America/New_York', week: workweek([['00:00', '03:00'], ['09:00', '17:00']]) };

  it('a day of spring-forward has an hour less of the interval that crosses 02:00', () => {
    // Sunday 2026-03-08 is the switch to EDT; use a calendar working Sundays
    const sundays: CalendarSpec = { ...ny, week: { ...ny.week, '7': [['00:00', '03:00']] } };
    // 00:00 EST = 05:00Z … 03:00 EDT = 07:00Z: 2 hours
    expect(businessMinutesBetween(sundays, new Date('2026-03-08T00:00:00Z'), new Date('2026-03-09T00:00:00Z'))).toBe(120);
    expect(iso(addBusinessMinutes(sundays, new Date('2026-03-08T05:00:00Z'), 119))).toBe('2026-03-08T06:59:00.000Z');
  });

  it('a day of fall-back has an hour more', () => {
    const sundays: CalendarSpec = { ...ny, week: { ...ny.week, '7': [['00:00', '03:00']] } };
    // Sunday 2026-11-01: 00:00 EDT = 04:00Z … 03:00 EST = 08:00Z: 4 hours
    expect(businessMinutesBetween(sundays, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z'))).toBe(240);
  });

  it('the office day in New York moves in UTC with DST', () => {
    // Friday 2026-03-06 (EST): 09:00 = 14:00Z; Monday 2026-03-09 (EDT): 09:00 = 13:00Z
    expect(isWorkingTime(ny, new Date('2026-03-06T14:00:00Z'))).toBe(true);
    expect(isWorkingTime(ny, new Date('2026-03-06T13:59:00Z'))).toBe(false);
    expect(isWorkingTime(ny, new Date('2026-03-09T13:00:00Z'))).toBe(true);
    // Friday 16:00 EST (21:00Z) + 2 h: 1 h Friday, Monday 00:00–01:00 EDT → 05:00Z
    expect(iso(addBusinessMinutes(ny, new Date('2026-03-06T21:00:00Z'), 120))).toBe('2026-03-09T05:00:00.000Z');
  });

  it('refuses an unknown zone with invalid_time_zone', () => {
    const bad: CalendarSpec = { ...plain, timeZone: 'Mars/Olympus' };
    expect(() => addBusinessMinutes(bad, bj('2026-03-10T09:00:00'), 10)).toThrow(AppError);
  });
});

describe('no working time', () => {
  it('throws CALENDAR_NO_WORKING_TIME instead of searching forever', () => {
    const empty: CalendarSpec = { ...plain, week: workweek([]) };
    expect(() => addBusinessMinutes(empty, bj('2026-03-10T09:00:00'), 10)).toThrow(expect.objectContaining({ code: 'CALENDAR_NO_WORKING_TIME' }));
    expect(businessMinutesBetween(empty, bj('2026-01-01T00:00:00'), bj('2027-01-01T00:00:00'))).toBe(0);
  });

  it('gives up after 3 years without a working day when only old workdays exist', () => {
    const once: CalendarSpec = { ...plain, week: workweek([]), days: [{ day: '2026-01-04', kind: 'workday', name: '调休', hours: [['09:00', '10:00']] }] };
    expect(iso(addBusinessMinutes(once, bj('2026-01-01T00:00:00'), 30))).toBe(iso(bj('2026-01-04T09:30:00')));
    expect(() => addBusinessMinutes(once, bj('2026-01-04T09:30:00'), 31)).toThrow(expect.objectContaining({ code: 'CALENDAR_NO_WORKING_TIME' }));
  });

  it('refuses negative minutes', () => {
    expect(() => addBusinessMinutes(cal, bj('2026-03-10T09:00:00'), -1)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('round trip over 2026', () => {
  const start = bj('2026-01-01T00:00:00').getTime();
  const year = 365 * 86_400_000;
  const specs = [cal, plain, ALWAYS_OPEN, { ...cal, name: 'NY', timeZone: 'America/New_York' }];

  it('businessMinutesBetween(from, addBusinessMinutes(from, m)) === m', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: year - 1 }), fc.integer({ min: 0, max: 60 * 450 }), fc.constantFrom(...specs), (offset, m, spec) => {
        const from = new Date(start + offset);
        const due = addBusinessMinutes(spec, from, m);
        expect(businessMinutesBetween(spec, from, due)).toBe(m);
        if (m > 0) expect(isWorkingTime(spec, new Date(due.getTime() - 1))).toBe(true);
      }),
      { numRuns: 2000, seed: 17 },
    );
  });

  it('is fast: 100 000 due times in well under a second each batch', () => {
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) addBusinessMinutes(cal, new Date(start + ((i * 7_919_777) % year)), 240 + (i % 5) * 60);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(3000);
  });
});
