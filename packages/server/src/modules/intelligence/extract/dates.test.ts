import { describe, expect, it } from 'vitest';
import { findDates } from './dates';
import { extractFields } from './index';

// 2026-03-13 is a Friday; 2026-03-15 a Sunday; 2026-03-09 a Monday.
const FRI = new Date('2026-03-13T10:00:00+08:00');
const SUN = new Date('2026-03-15T10:00:00+08:00');
const MON = new Date('2026-03-09T10:00:00+08:00');
const at = (text: string, now = FRI, timeZone?: string) => findDates(text, { now, timeZone }).map((d) => d.value);

describe('absolute dates', () => {
  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026/3/2', '2026-03-02'],
    ['2026.03.02', '2026-03-02'],
    ['2026年3月2日', '2026-03-02'],
    ['2026 年 3 月 2 号', '2026-03-02'],
    ['２０２６－０３－０２', '2026-03-02'],
    ['3月2日', '2026-03-02'],
    ['三月二日', '2026-03-02'],
    ['十二月二十五号', '2025-12-25'],
    ['3/2', '2026-03-02'],
    ['12/30', '2025-12-30'],
    ['去年12月3日', '2025-12-03'],
    ['March 2, 2026', '2026-03-02'],
    ['on Mar 2nd', '2026-03-02'],
    ['2 March 2026', '2026-03-02'],
    ['3/2/2026', '2026-03-02'],
    ['2026年3月', '2026-03'],
  ])('%s → %s', (text, value) => {
    expect(at(text)).toEqual([value]);
  });

  it('a month-day without a year takes the nearest year', () => {
    expect(at('12月30日', new Date('2026-01-05T10:00:00+08:00'))).toEqual(['2025-12-30']);
    expect(at('1月3日', new Date('2025-12-28T10:00:00+08:00'))).toEqual(['2026-01-03']);
    expect(at('2月29日', new Date('2026-03-01T10:00:00+08:00'))).toEqual([]); // no Feb 29 in 2025–2027
    expect(at('2月29日', new Date('2024-03-01T10:00:00+08:00'))).toEqual(['2024-02-29']);
  });

  it.each([['地铁1号线'], ['3号楼'], ['第3号'], ['5日内'], ['8号机'], ['30号床位'], ['31号' /* no Feb 31 */], ['第3/4页'], ['50/50'], ['2026-02-30'], ['2026年13月1日'], ['13/45'], ['1.5/2'], ['ratio 3/2/1'], ['版本 2026.03']])('%s is not a date', (text) => {
    expect(at(text)).toEqual([]);
  });

  it('a date inside a URL is ignored', () => {
    expect(extractFields('see https://example.com/2026/03/02/post', { now: FRI }).filter((e) => e.kind === 'date')).toEqual([]);
  });
});

describe('relative Chinese dates (today is Friday 2026-03-13)', () => {
  it.each([
    ['今天', '2026-03-13'],
    ['昨天', '2026-03-12'],
    ['前天', '2026-03-11'],
    ['大前天', '2026-03-10'],
    ['明天', '2026-03-14'],
    ['后天', '2026-03-15'],
    ['三天前', '2026-03-10'],
    ['3天前', '2026-03-10'],
    ['十天以前', '2026-03-03'],
    ['两天后', '2026-03-15'],
    ['两周前', '2026-02-27'],
    ['一个星期前', '2026-03-06'],
    ['一个月前', '2026-02-13'],
    ['上周五', '2026-03-06'],
    ['上星期五', '2026-03-06'],
    ['本周一', '2026-03-09'],
    ['这周日', '2026-03-15'],
    ['下周三', '2026-03-18'],
    ['下个星期一', '2026-03-16'],
    ['上上周二', '2026-02-24'],
    ['周五', '2026-03-13'],
    ['星期三', '2026-03-11'],
    ['礼拜天', '2026-03-08'],
    ['上个月', '2026-02'],
    ['本月', '2026-03'],
    ['下个月', '2026-04'],
    ['上个月3号', '2026-02-03'],
    ['上周', '2026-03-02'],
    ['大概是10号左右', '2026-03-10'],
    ['二十号修好的', '2026-02-20'],
    ['13号', '2026-03-13'],
    ['上个月底开始的', '2026-02-28'],
    ['月初', '2026-03-01'],
    ['下个月初', '2026-04-01'],
    ['上周末', '2026-03-07'],
    ['周末', '2026-03-07'],
    ['5日后', '2026-03-18'],
    ['15号下午3点', '2026-02-15T15:00:00+08:00'],
  ])('%s → %s', (text, value) => {
    expect(at(text)).toEqual([value]);
  });

  it('上周五 on a Friday is 7 days ago, on a Sunday 9 days ago, on a Monday 3 days ago', () => {
    expect(at('上周五', FRI)).toEqual(['2026-03-06']);
    expect(at('上周五', SUN)).toEqual(['2026-03-06']);
    expect(at('上周五', MON)).toEqual(['2026-03-06']);
    expect(at('上周日', SUN)).toEqual(['2026-03-08']);
    expect(at('本周日', SUN)).toEqual(['2026-03-15']);
  });

  it('a bare weekday is the latest one on or before today', () => {
    expect(at('周五', MON)).toEqual(['2026-03-06']);
    expect(at('周一', MON)).toEqual(['2026-03-09']);
    expect(at('星期日', SUN)).toEqual(['2026-03-15']);
  });

  it('month arithmetic clamps to the month end', () => {
    const mar31 = new Date('2026-03-31T12:00:00+08:00');
    expect(at('一个月前', mar31)).toEqual(['2026-02-28']);
    expect(at('上个月', mar31)).toEqual(['2026-02']);
    expect(at('上个月31号', mar31)).toEqual([]);
    expect(at('一个月后', new Date('2026-01-31T12:00:00+08:00'))).toEqual(['2026-02-28']);
    expect(at('一个月前', new Date('2024-03-31T12:00:00+08:00'))).toEqual(['2024-02-29']);
    expect(at('上个月', new Date('2026-01-15T12:00:00+08:00'))).toEqual(['2025-12']);
    expect(at('一年前', new Date('2024-02-29T12:00:00+08:00'))).toEqual(['2023-02-28']);
    expect(at('三天前', new Date('2026-03-02T12:00:00+08:00'))).toEqual(['2026-02-27']);
    expect(at('明天', new Date('2026-12-31T12:00:00+08:00'))).toEqual(['2027-01-01']);
  });
});

describe('times', () => {
  it.each([
    ['下午3点', '2026-03-13T15:00:00+08:00'],
    ['上午10点半', '2026-03-13T10:30:00+08:00'],
    ['晚上八点一刻', '2026-03-13T20:15:00+08:00'],
    ['中午12点', '2026-03-13T12:00:00+08:00'],
    ['凌晨2点', '2026-03-13T02:00:00+08:00'],
    ['15:30', '2026-03-13T15:30:00+08:00'],
    ['昨天下午3点', '2026-03-12T15:00:00+08:00'],
    ['昨天 15:30', '2026-03-12T15:30:00+08:00'],
    ['昨晚8点', '2026-03-12T20:00:00+08:00'],
    ['前天晚上十点二十分', '2026-03-11T22:20:00+08:00'],
    ['2026-03-02 09:05', '2026-03-02T09:05:00+08:00'],
    ['2026-03-02T15:30:00Z', '2026-03-02T23:30:00+08:00'],
    ['log: 2026-03-02T23:30:15.123+08:00 ERROR', '2026-03-02T23:30:00+08:00'],
    ['2026-03-02T15:30', '2026-03-02T15:30:00+08:00'],
    ['3月2日下午3点', '2026-03-02T15:00:00+08:00'],
    ['上周五晚上9点', '2026-03-06T21:00:00+08:00'],
    ['昨天3点', '2026-03-12T03:00:00+08:00'],
    ['yesterday at 3pm', '2026-03-12T15:00:00+08:00'],
    ['at 9:30 am', '2026-03-13T09:30:00+08:00'],
    ['两个小时前', '2026-03-13T08:00:00+08:00'],
    ['30分钟前', '2026-03-13T09:30:00+08:00'],
  ])('%s → %s', (text, value) => {
    expect(at(text)).toEqual([value]);
  });

  it.each([['3点建议'], ['得了3点'], ['3小时'], ['比分 3:2x 领先'], ['25:99']])('%s has no time', (text) => {
    expect(at(text)).toEqual([]);
  });

  it('uses the time zone for "today" and the offset', () => {
    // 2026-03-12T20:00Z is already Friday in Shanghai but still Thursday in New York
    const now = new Date('2026-03-12T20:00:00Z');
    expect(at('今天', now)).toEqual(['2026-03-13']);
    expect(at('今天', now, 'America/New_York')).toEqual(['2026-03-12']);
    expect(at('下午3点', now, 'America/New_York')).toEqual(['2026-03-12T15:00:00-04:00']);
    expect(at('下午3点', new Date('2026-03-01T20:00:00Z'), 'America/New_York')).toEqual(['2026-03-01T15:00:00-05:00']);
  });
});

describe('English relative dates', () => {
  it.each([
    ['today', '2026-03-13'],
    ['Yesterday', '2026-03-12'],
    ['the day before yesterday', '2026-03-11'],
    ['tomorrow', '2026-03-14'],
    ['3 days ago', '2026-03-10'],
    ['a week ago', '2026-03-06'],
    ['two weeks ago', '2026-02-27'],
    ['a month ago', '2026-02-13'],
    ['last Friday', '2026-03-06'],
    ['last Monday', '2026-03-09'],
    ['this Sunday', '2026-03-15'],
    ['next wed', '2026-03-18'],
    ['on Tuesday', '2026-03-10'],
    ['last month', '2026-02'],
    ['last week', '2026-03-02'],
  ])('%s → %s', (text, value) => {
    expect(at(text)).toEqual([value]);
  });

  it('English "last Friday" on a Sunday is 2 days ago, not 9', () => {
    expect(at('last Friday', SUN)).toEqual(['2026-03-13']);
    expect(at('last Sunday', SUN)).toEqual(['2026-03-08']);
  });

  it.each([['todayish'], ['may I ask'], ['yesterdays']])('%s is not a date', (text) => {
    expect(at(text)).toEqual([]);
  });
});

describe('precision and spans', () => {
  it('reports precision, text and span', () => {
    const text = '打印机从上周五下午3点开始报错';
    const [d] = extractFields(text, { now: FRI }).filter((e) => e.kind === 'date');
    expect(d).toMatchObject({ value: '2026-03-06T15:00:00+08:00', text: '上周五下午3点', precision: 'minute' });
    expect(text.slice(d!.start, d!.end)).toBe(d!.text);
    expect(findDates('上个月', { now: FRI })[0]!.precision).toBe('month');
    expect(findDates('上周', { now: FRI })[0]!.precision).toBe('week');
  });

  it('finds several dates in order', () => {
    expect(at('3月2日买的，昨天坏了，上周五报修过')).toEqual(['2026-03-02', '2026-03-12', '2026-03-06']);
  });
});
