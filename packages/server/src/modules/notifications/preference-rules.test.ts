import { describe, expect, it } from 'vitest';
import { quietMinutesLeft, sendTimeFor, type Preferences } from './preference-rules';

const p: Preferences = { channels: { sla_warning: ['email', 'sms'], assigned: ['email'] }, quietStart: '22:00', quietEnd: '08:00', timeZone: 'Asia/Shanghai' };
// 2026-12-04 23:30 in Shanghai = 15:30 UTC
const lateNight = new Date('2026-12-04T15:30:00Z');
const noon = new Date('2026-12-05T04:00:00Z');

describe('免打扰 quiet hours', () => {
  it('runs over midnight in the user’s time zone', () => {
    expect(quietMinutesLeft(p, lateNight)).toBe(8 * 60 + 30);
    expect(quietMinutesLeft(p, noon)).toBe(0);
    expect(quietMinutesLeft(p, new Date('2026-12-05T00:00:00Z'))).toBe(0); // 08:00 local: the window has ended
    expect(quietMinutesLeft(p, new Date('2026-12-04T14:00:00Z'))).toBe(600); // 22:00 local: it starts
    expect(quietMinutesLeft({ ...p, timeZone: 'Europe/Berlin' }, lateNight)).toBe(0); // 16:30 in Berlin
  });
  it('a window inside one day, and none', () => {
    expect(quietMinutesLeft({ ...p, quietStart: '12:00', quietEnd: '13:30' }, noon)).toBe(90); // 12:00 Shanghai
    expect(quietMinutesLeft({ ...p, quietStart: null }, lateNight)).toBe(0);
    expect(quietMinutesLeft({ ...p, quietEnd: '22:00' }, lateNight)).toBe(0);
  });
  it('holds a normal notification until the quiet hours end; an urgent one goes now', () => {
    expect(sendTimeFor(p, 'sla_warning', 'sms', false, lateNight)?.toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(sendTimeFor(p, 'sla_warning', 'sms', true, lateNight)).toEqual(lateNight);
    expect(sendTimeFor(p, 'assigned', 'email', false, noon)).toEqual(noon);
  });
  it('only the channels the user chose for that kind', () => {
    expect(sendTimeFor(p, 'assigned', 'sms', true, noon)).toBeNull();
    expect(sendTimeFor(p, 'mention', 'email', true, noon)).toBeNull();
  });
});
