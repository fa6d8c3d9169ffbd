import { describe, expect, it } from 'vitest';
import { parseIcs, toIcs } from './calendar-ics';
import { parseJsonDays, toJson } from './calendar-json';
import { checkContent, checkIntervals, STANDARD_WEEK } from './calendar-rules';
import { CHINA_2026 } from './engine';

const days = CHINA_2026.map((d) => ({ ...d, hours: null }));
const now = new Date('2026-03-02T01:00:00Z');

describe('ICS', () => {
  it('writes a VEVENT per day with DTSTART;VALUE=DATE, SUMMARY and the kind, CRLF and folded', () => {
    const ics = toIcs({ id: 'c1', name: '工作日历（含 2026 年法定节假日与调休安排，名称很长很长很长很长很长很长很长）', timeZone: 'Asia/Shanghai', days }, now);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(39);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260214\r\nDTEND;VALUE=DATE:20260215\r\nSUMMARY:春节调休上班\r\nCATEGORIES:WORKDAY\r\nX-GONGDAN-KIND:workday');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261001');
  });

  it('reads back what it writes, also with LF line ends and hours', () => {
    const withHours = [...days, { day: '2026-12-31', kind: 'workday' as const, name: '年终值班, 半天', hours: [['09:00', '12:00']] as [string, string][] }];
    const ics = toIcs({ id: 'c1', name: '日历', timeZone: 'Asia/Shanghai', days: withHours }, now);
    expect(parseIcs(ics)).toEqual({ days: withHours, problems: [] });
    expect(parseIcs(ics.replace(/\r\n/g, '\n')).days).toEqual(withHours);
  });

  it('reads foreign feeds: multi-day events, folded summaries, 补班 in the summary, date-times', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260215',
      'DTEND;VALUE=DATE:20260224',
      'SUMMARY:春节',
      ' 假期',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20260228T000000',
      'SUMMARY:春节补班',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const r = parseIcs(text);
    expect(r.problems).toEqual([]);
    expect(r.days).toHaveLength(10);
    expect(r.days[0]).toEqual({ day: '2026-02-15', kind: 'holiday', name: '春节假期', hours: null });
    expect(r.days[8].day).toBe('2026-02-23');
    expect(r.days[9]).toEqual({ day: '2026-02-28', kind: 'workday', name: '春节补班', hours: null });
  });

  it('lists each problem with its line number', () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:2026-13-01', 'SUMMARY:坏日期', 'END:VEVENT', 'BEGIN:VEVENT', 'SUMMARY:无日期', 'END:VEVENT', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260501', 'X-GONGDAN-KIND:workday', 'X-GONGDAN-HOURS:9点到12点', 'END:VEVENT', 'END:VCALENDAR'].join('\n');
    expect(parseIcs(text).problems).toEqual([
      { line: 3, message: 'DTSTART "2026-13-01" is not a date YYYYMMDD' },
      { line: 6, message: expect.stringContaining('no DTSTART') },
      { line: 12, message: expect.stringContaining('X-GONGDAN-HOURS') },
    ]);
    expect(parseIcs('随便一段文字').problems[0].message).toContain('BEGIN:VCALENDAR');
  });
});

describe('JSON', () => {
  it('round trips the days and lists problems by line', () => {
    const text = toJson({ name: '日历', description: '', timeZone: 'Asia/Shanghai', alwaysOpen: false, week: STANDARD_WEEK, days });
    expect(parseJsonDays(text)).toEqual({ days, problems: [] });
    const bad = '[\n  {"day": "2026-01-01", "kind": "holiday", "name": "元旦"},\n  {"day": "2026-01-04", "kind": "上班"}\n]';
    expect(parseJsonDays(bad).problems).toEqual([{ line: 3, message: expect.stringContaining('days[1]: kind') }]);
    expect(parseJsonDays('{"days": [}').problems[0].message).toContain('Not valid JSON');
  });
});

describe('calendar rules', () => {
  it('accepts ordered intervals and 24:00', () => {
    expect(checkIntervals('week.1', [['09:00', '12:00'], ['13:30', '18:00'], ['20:00', '24:00']])).toHaveLength(3);
  });

  it('refuses bad times, reversed and overlapping intervals with a field to fix', () => {
    expect(() => checkIntervals('week.1', [['9:00', '12:00']])).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_INTERVAL', field: 'week.1.0' }));
    expect(() => checkIntervals('week.1', [['09:00', '24:30']])).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_INTERVAL' }));
    expect(() => checkIntervals('week.2', [['12:00', '09:00']])).toThrow(expect.objectContaining({ code: 'CALENDAR_INVALID_INTERVAL', field: 'week.2.0' }));
    expect(() => checkIntervals('week.3', [['09:00', '12:00'], ['11:00', '18:00']])).toThrow(expect.objectContaining({ code: 'CALENDAR_INTERVALS_OVERLAP', field: 'week.3.1' }));
    expect(() => checkIntervals('week.3', [['13:30', '18:00'], ['09:00', '12:00']])).toThrow(expect.objectContaining({ code: 'CALENDAR_INTERVALS_OVERLAP' }));
  });

  it('refuses duplicate days, unknown zones and calendars without working time', () => {
    const base = { timeZone: 'Asia/Shanghai', alwaysOpen: false, week: STANDARD_WEEK, days };
    expect(() => checkContent({ ...base, days: [...days, { day: '2026-01-01', kind: 'holiday', name: '重复', hours: null }] })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'days.39.day' }),
    );
    expect(() => checkContent({ ...base, days: [{ day: '2026-02-30', kind: 'holiday', name: '', hours: null }] })).toThrow(expect.objectContaining({ field: 'days.0.day' }));
    expect(() => checkContent({ ...base, timeZone: 'Beijing' })).toThrow(expect.objectContaining({ field: 'timeZone' }));
    const empty = { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] };
    expect(() => checkContent({ ...base, week: empty })).toThrow(expect.objectContaining({ code: 'CALENDAR_NO_WORKING_TIME' }));
    expect(checkContent({ ...base, week: empty, alwaysOpen: true }).alwaysOpen).toBe(true);
    expect(checkContent({ ...base, timeZone: 'America/New_York' }).timeZone).toBe('America/New_York');
  });
});
