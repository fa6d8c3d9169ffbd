import { describe, expect, it } from 'vitest';
import { ctxAt, need, NOW, person } from './fixtures.test-support';
import { personPosition, travelKm } from './geo';
import { exclusions, regionCovers } from './rules';
import { dayBefore, localTime, onShift } from './shift';

const rules = (...args: Parameters<typeof exclusions>) => exclusions(...args).map((e) => e.rule);

describe('exclusions', () => {
  it('reports every failing rule, not only the first', () => {
    const p = person('甲', { status: 'away', skills: { 空调: 2 }, languages: ['zh'], load: { ticket: 0, chat: 0, field: 5 } });
    const n = need('单1', { skill: '电梯维修', level: 3, language: 'en', teamIds: ['t9'], excludedUserIds: ['甲'] });
    expect(rules(p, n, ctxAt())).toEqual(['status', 'team', 'skill', 'language', 'capacity', 'excluded']);
  });

  it('lets busy people take more within capacity; away and off shift never', () => {
    expect(rules(person('甲', { status: 'busy' }), need('单1'), ctxAt())).toEqual([]);
    expect(rules(person('甲', { status: 'off_shift' }), need('单1'), ctxAt())).toEqual(['status']);
    expect(exclusions(person('甲', { load: { ticket: 8, chat: 0, field: 1 } }), need('单1', { kind: 'ticket' }), ctxAt())).toEqual([
      { rule: 'capacity', detail: { kind: 'ticket', load: 8, capacity: 8 } },
    ]);
  });

  it('checks the level of a skill the person has', () => {
    expect(exclusions(person('甲', { skills: { 电梯维修: 2 } }), need('单1', { skill: '电梯维修', level: 3 }), ctxAt())).toEqual([
      { rule: 'level', detail: { skill: '电梯维修', required: 3, has: 2 } },
    ]);
    expect(rules(person('甲', { skills: { 电梯维修: 3 } }), need('单1', { skill: '电梯维修', level: 3 }), ctxAt())).toEqual([]);
  });

  it('takes a certification as valid through its expiry day (the visit day, else today in the tenant zone)', () => {
    const p = person('甲', { certifications: [{ name: '特种设备作业证', expires: '2026-03-10' }] });
    const n = (visitDate: string | null) => need('单1', { certification: '特种设备作业证', visitDate });
    expect(rules(p, n('2026-03-10'), ctxAt())).toEqual([]);
    expect(exclusions(p, n('2026-03-11'), ctxAt())).toEqual([
      { rule: 'certification', detail: { certification: '特种设备作业证', expires: '2026-03-10', on: '2026-03-11' } },
    ]);
    // 2026-03-10T17:00Z is already the 11th in Shanghai, still the 10th in UTC
    const late = new Date('2026-03-10T17:00:00Z');
    expect(rules(p, n(null), ctxAt(late, 'UTC'))).toEqual([]);
    expect(rules(p, n(null), ctxAt(late, 'Asia/Shanghai'))).toEqual(['certification']);
    expect(rules(person('乙'), n(null), ctxAt())).toEqual(['certification']);
  });

  it('takes a certification without an expiry day as valid for good, also beside an expired one of the same name', () => {
    const n = need('单1', { certification: '特种设备作业证', visitDate: '2030-01-01' });
    expect(rules(person('甲', { certifications: [{ name: '特种设备作业证', expires: null }] }), n, ctxAt())).toEqual([]);
    expect(rules(person('甲', { certifications: [{ name: '特种设备作业证', expires: '2025-01-01' }, { name: '特种设备作业证', expires: null }] }), n, ctxAt())).toEqual([]);
    // two expired: the later day is the one said
    expect(exclusions(person('乙', { certifications: [{ name: '特种设备作业证', expires: '2025-01-01' }, { name: '特种设备作业证', expires: '2026-01-01' }] }), n, ctxAt())).toEqual([
      { rule: 'certification', detail: { certification: '特种设备作业证', expires: '2026-01-01', on: '2030-01-01' } },
    ]);
  });

  it('matches regions by "/" path prefix, or a location inside the drawn area', () => {
    expect(regionCovers('上海市', '上海市/浦东新区')).toBe(true);
    expect(regionCovers('上海市', '上海市')).toBe(true);
    expect(regionCovers('上海', '上海市/浦东新区')).toBe(false);
    expect(regionCovers('上海市/浦东新区', '上海市')).toBe(false);
    const pudong = person('甲', { regions: ['上海市/浦东新区'] });
    expect(rules(pudong, need('单1', { region: '上海市/浦东新区/张江镇' }), ctxAt())).toEqual([]);
    expect(rules(pudong, need('单1', { region: '上海市/徐汇区' }), ctxAt())).toEqual(['region']);
    const circle = person('乙', { area: { kind: 'radius', center: [31.23, 121.47], km: 10 } });
    expect(rules(circle, need('单1', { location: [31.25, 121.48] }), ctxAt())).toEqual([]);
    expect(rules(circle, need('单1', { location: [39.9, 116.4] }), ctxAt())).toEqual(['region']);
    const square = person('丙', { area: { kind: 'polygon', points: [[31, 121], [31, 122], [32, 122], [32, 121]] } });
    expect(rules(square, need('单1', { location: [31.5, 121.5] }), ctxAt())).toEqual([]);
    expect(rules(square, need('单1', { location: [30.5, 121.5] }), ctxAt())).toEqual(['region']);
    // either match is enough; no regions and no area: no regional limit
    const both = person('丁', { regions: ['北京市'], area: { kind: 'radius', center: [31.23, 121.47], km: 10 } });
    expect(rules(both, need('单1', { region: '上海市', location: [31.23, 121.47] }), ctxAt())).toEqual([]);
    expect(rules(person('戊'), need('单1', { region: '上海市', location: [39.9, 116.4] }), ctxAt())).toEqual([]);
  });

  it('applies team, language (zh covers zh-CN) and product line', () => {
    expect(rules(person('甲', { teamIds: ['t1'] }), need('单1', { teamIds: ['t1', 't2'] }), ctxAt())).toEqual([]);
    expect(rules(person('甲', { languages: ['zh'] }), need('单1', { language: 'zh-CN' }), ctxAt())).toEqual([]);
    expect(rules(person('甲', { productLines: ['扶梯'] }), need('单1', { productLine: '直梯' }), ctxAt())).toEqual(['product_line']);
  });
});

describe('shifts', () => {
  const day = { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' };
  const night = { days: [5], start: '22:00', end: '06:00' }; // Friday night
  const at = (iso: string, zone = 'Asia/Shanghai') => localTime(new Date(iso), zone);

  it('reads the local weekday and time in the tenant zone', () => {
    expect(at('2026-03-06T02:00:00Z')).toEqual({ date: '2026-03-06', weekday: 5, minutes: 600 });
    expect(at('2026-03-06T02:00:00Z', 'UTC')).toEqual({ date: '2026-03-06', weekday: 5, minutes: 120 });
    expect(at('2026-03-08T16:30:00Z')).toEqual({ date: '2026-03-09', weekday: 1, minutes: 30 });
  });

  it('judges a day shift in Asia/Shanghai and in UTC differently for the same instant', () => {
    expect(onShift(day, at('2026-03-06T02:00:00Z'))).toBe(true); // 10:00 Shanghai
    expect(onShift(day, at('2026-03-06T02:00:00Z', 'UTC'))).toBe(false); // 02:00 UTC
    expect(onShift(day, at('2026-03-06T11:00:00Z'))).toBe(false); // 19:00 Shanghai
    expect(onShift(day, at('2026-03-06T11:00:00Z', 'UTC'))).toBe(true);
    expect(rules(person('甲', { shift: day }), need('单1'), ctxAt(new Date('2026-03-06T11:00:00Z')))).toEqual(['shift']);
  });

  it('keeps a night shift crossing midnight on the day it starts', () => {
    expect(onShift(night, at('2026-03-06T13:59:00Z'))).toBe(false); // Fri 21:59
    expect(onShift(night, at('2026-03-06T14:00:00Z'))).toBe(true); // Fri 22:00
    expect(onShift(night, at('2026-03-06T19:00:00Z'))).toBe(true); // Sat 03:00
    expect(onShift(night, at('2026-03-06T22:00:00Z'))).toBe(false); // Sat 06:00
    expect(onShift(night, at('2026-03-05T19:00:00Z'))).toBe(false); // Fri 03:00: Thursday night is not worked
    expect(onShift(null, at('2026-03-05T19:00:00Z'))).toBe(true);
  });

  describe('on the working calendar (国庆节 2026: 10-01…10-07 off, Saturday 10-10 a make-up working day)', () => {
    const calendar = {
      holidays: new Map(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].map((d) => [d, '国庆节'])),
      workdays: new Map([['2026-10-10', '国庆节调休上班']]),
    };
    const weekdays = { ...day, followsCalendar: true };
    const nightsOnCalendar = { days: [1, 2, 3, 4, 5], start: '22:00', end: '06:00', followsCalendar: true };
    // 10:00 Shanghai on a local date
    const tenAm = (date: string) => new Date(`${date}T02:00:00Z`);

    it('is off on a public holiday and on on a make-up Saturday; the weekdays alone when it does not follow the calendar', () => {
      expect(onShift(weekdays, at(tenAm('2026-10-01').toISOString()), calendar)).toBe(false); // Thursday, 国庆节
      expect(onShift(weekdays, at(tenAm('2026-10-08').toISOString()), calendar)).toBe(true); // Thursday after
      expect(onShift(weekdays, at(tenAm('2026-10-10').toISOString()), calendar)).toBe(true); // Saturday, 调休上班
      expect(onShift(weekdays, at(tenAm('2026-10-11').toISOString()), calendar)).toBe(false); // Sunday
      expect(onShift(day, at(tenAm('2026-10-01').toISOString()), calendar)).toBe(true);
      expect(onShift(day, at(tenAm('2026-10-10').toISOString()), calendar)).toBe(false);
      expect(onShift(weekdays, at(tenAm('2026-10-01').toISOString()), null)).toBe(true); // no calendar: weekdays
    });

    it('keeps a night shift on the day it starts: the eve of a holiday is worked into it, the last holiday night is not', () => {
      expect(onShift(nightsOnCalendar, at('2026-09-30T14:00:00Z'), calendar)).toBe(true); // Wed 09-30 22:00
      expect(onShift(nightsOnCalendar, at('2026-09-30T19:00:00Z'), calendar)).toBe(true); // Thu 10-01 03:00, from Wednesday
      expect(onShift(nightsOnCalendar, at('2026-10-01T14:00:00Z'), calendar)).toBe(false); // Thu 10-01 22:00, a holiday
      expect(onShift(nightsOnCalendar, at('2026-10-07T19:00:00Z'), calendar)).toBe(false); // Thu 10-08 03:00, from the 7th
      expect(onShift(nightsOnCalendar, at('2026-10-10T14:00:00Z'), calendar)).toBe(true); // Sat 10-10 22:00, 调休上班
      expect(onShift(nightsOnCalendar, at('2026-10-10T19:00:00Z'), calendar)).toBe(true); // Sun 10-11 03:00, from Saturday
    });

    it("names the holiday in the shift rule's reason, and only when the holiday is why", () => {
      const p = person('甲', { shift: weekdays });
      const reasons = (iso: string) => exclusions(p, need('单1'), { ...ctxAt(new Date(iso)), calendar });
      expect(reasons(tenAm('2026-10-01').toISOString())).toEqual([{ rule: 'shift', detail: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00', holiday: '国庆节' } }]);
      expect(reasons('2026-10-01T12:00:00Z')).toEqual([{ rule: 'shift', detail: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' } }]); // 20:00: off anyway
      expect(reasons(tenAm('2026-10-10').toISOString())).toEqual([]);
    });

    it('counts the day before across months and years', () => {
      expect(dayBefore('2026-10-01')).toBe('2026-09-30');
      expect(dayBefore('2027-01-01')).toBe('2026-12-31');
      expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    });
  });
});

describe('position', () => {
  it('uses the fresh reported position, falls back to home when stale, else null', () => {
    const fresh = { at: [31.3, 121.6] as [number, number], reportedAt: new Date(NOW.getTime() - 10 * 60_000), accuracyM: 20 };
    const stale = { ...fresh, reportedAt: new Date(NOW.getTime() - 31 * 60_000) };
    expect(personPosition(person('甲', { position: fresh }), ctxAt())).toEqual([31.3, 121.6]);
    expect(personPosition(person('甲', { position: stale }), ctxAt())).toEqual([31.23, 121.47]);
    expect(personPosition(person('甲', { position: stale, home: null }), ctxAt())).toBeNull();
  });

  it('measures great-circle distance', () => {
    expect(travelKm([31.2304, 121.4737], [39.9042, 116.4074])).toBeCloseTo(1067, -1); // 上海 → 北京
    expect(travelKm([31.23, 121.47], [31.23, 121.47])).toBe(0);
  });
});
