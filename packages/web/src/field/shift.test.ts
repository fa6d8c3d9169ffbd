import { describe, expect, it } from 'vitest';
import { mapLinks } from './map-links';
import { localClock, onShiftAt } from './shift';

describe('on shift', () => {
  const day = { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' };
  it('a day shift covers its hours on its days only', () => {
    expect(onShiftAt(day, 1, 9 * 60)).toBe(true);
    expect(onShiftAt(day, 1, 19 * 60)).toBe(false);
    expect(onShiftAt(day, 6, 9 * 60)).toBe(false);
    expect(onShiftAt(null, 6, 3 * 60)).toBe(true);
  });
  it('a night shift runs into the next morning', () => {
    const night = { days: [5], start: '22:00', end: '06:00' };
    expect(onShiftAt(night, 5, 23 * 60)).toBe(true);
    expect(onShiftAt(night, 6, 5 * 60)).toBe(true);
    expect(onShiftAt(night, 6, 7 * 60)).toBe(false);
  });
  it('reads the tenant’s wall clock', () => {
    expect(localClock(new Date('2026-03-02T01:30:00Z'), 'Asia/Shanghai')).toEqual({ weekday: 1, at: 9 * 60 + 30 });
  });
});

describe('map links', () => {
  it('point the three apps at the site with its name', () => {
    const links = mapLinks({ lat: 31.23, lng: 121.47 }, '人民广场');
    expect(links.map((l) => l.app)).toEqual(['amap', 'baidu', 'tencent']);
    expect(links[0].href).toContain('to=121.47,31.23,%E4%BA%BA');
    expect(links[1].href).toMatch(/^baidumap:\/\/map\/direction\?destination=latlng:31.23,121.47/);
    expect(links[2].href).toContain('tocoord=31.23,121.47');
  });
});
