import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { fitWithin } from './compress-image';
import { describeFieldEvent } from './field-events';

describe('field steps on the ticket timeline', () => {
  const t = i18n.getFixedT('zh-CN');
  it('names who did what, the distance of a far check-in and the time on site', () => {
    const d = describeFieldEvent('field.check_in', { at: '2026-03-02T01:30:00Z', distanceM: 1200, flagged: true }, t, '赵磊');
    expect(d.title).toBe('赵磊 现场签到');
    expect(d.lines[0]).toBe('距上门地址 1200 米，超出签到范围');
    expect(d.lines[1]).toMatch(/^现场时间 03-02 \d\d:30$/);
  });
  it('says the result of 完工 and why the ticket was not resolved', () => {
    const d = describeFieldEvent('field.complete', { result: 'fixed', text: '更换皮带', resolveProblem: 'INVALID_TRANSITION' }, t, '赵磊');
    expect(d.title).toBe('赵磊 完工：已修复');
    expect(d.lines).toContain('更换皮带');
    expect(d.lines.some((l) => l.startsWith('工单未能自动解决'))).toBe(true);
  });
  it('says the window of a visit booked with the customer and the one it moved from', () => {
    const d = describeFieldEvent('field.visit_booked', { windowStart: '2026-12-07T01:00:00Z', windowEnd: '2026-12-07T03:00:00Z', previousStart: '2026-12-06T06:00:00Z' }, t, '陈静');
    expect(d.title).toBe('陈静 预约上门');
    expect(d.lines[0]).toMatch(/^预约时间 12-07 \d\d:00–\d\d:00$/);
    expect(d.lines[1]).toMatch(/^原预约 12-06 \d\d:00$/);
  });
});

describe('a photo made small', () => {
  it('fits within 1600 px keeping its ratio, never enlarging', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(1200, 4000, 1600)).toEqual({ width: 480, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
  });
});
