import { describe, expect, it } from 'vitest';
import type { DispatchProfile } from './dispatch-api';
import { areaLandmarks, areaStart, pointsIssue, SHANGHAI, toBody, toValues, type LatLngPair } from './profile-values';

// The 服务范围's pieces without React: where an empty map opens, the polygon's limits, and the body sent.

const A = '0190a0a0-0000-7000-8000-0000000000a1';
const B = '0190a0a0-0000-7000-8000-0000000000b1';
const outlets = [
  { id: A, name: '北京网点', lat: 39.9, lng: 116.4 },
  { id: B, name: '深圳网点', lat: 22.54, lng: 114.06 },
];
const base = {
  userId: A, name: '林涛', email: 'lintao@example.cn', role: 'engineer', teamIds: [], configured: true, skills: {}, certifications: [], regions: [], area: null,
  languages: [], productLines: [], shift: null, capacity: {}, dailyLimit: {}, home: null, outletId: null, status: 'available', statusAt: null, shiftNow: true,
} as DispatchProfile;

describe('the service area of a dispatch profile', () => {
  it('draws the map by the outlets and the home base (no tile server draws streets)', () => {
    expect(areaLandmarks({ home: { lat: 31.2, lng: 121.45 } }, outlets, '常驻位置').map((l) => l.label)).toEqual(['常驻位置', ...outlets.map((o) => o.name)]);
    expect(areaLandmarks({ home: null }, [], '常驻位置')).toEqual([]);
  });

  it('opens an empty map at the home base, else the person’s outlet, else the first outlet, else 上海', () => {
    expect(areaStart({ home: { lat: 31.2, lng: 121.45 }, outletId: B }, outlets)).toEqual([31.2, 121.45]);
    expect(areaStart({ home: null, outletId: B }, outlets)).toEqual([22.54, 114.06]);
    expect(areaStart({ home: null, outletId: null }, outlets)).toEqual([39.9, 116.4]);
    expect(areaStart({ home: null, outletId: null }, [])).toEqual(SHANGHAI);
    expect(areaStart(null)).toEqual([31.23, 121.47]);
  });

  it('takes a polygon of 3 to 200 points', () => {
    const pts = (n: number) => Array.from({ length: n }, (_, i) => [31 + i / 1000, 121] as LatLngPair);
    expect([pointsIssue(undefined), pointsIssue(pts(2)), pointsIssue(pts(3)), pointsIssue(pts(200)), pointsIssue(pts(201))]).toEqual(['tooFew', 'tooFew', null, null, 'tooMany']);
  });

  it('keeps both kinds in the form and sends the chosen one, a polygon’s points to 6 decimals', () => {
    const v = toValues({ ...base, area: { kind: 'polygon', points: [[31.1, 121.4], [31.1, 121.6], [31.3, 121.5]] } });
    expect(v.areaKind).toBe('polygon');
    expect(v.area).toEqual({ center: [null, null], km: null, points: [[31.1, 121.4], [31.1, 121.6], [31.3, 121.5]] });
    v.area.points.push([31.123456789, 121.987654321]);
    expect(toBody(v).area).toEqual({ kind: 'polygon', points: [[31.1, 121.4], [31.1, 121.6], [31.3, 121.5], [31.123457, 121.987654]] });
    // a radius typed meanwhile is sent once chosen, the polygon left behind
    expect(toBody({ ...v, areaKind: 'radius', area: { ...v.area, center: [31.2, 121.5], km: 8 } }).area).toEqual({ kind: 'radius', center: [31.2, 121.5], km: 8 });
    expect(toBody({ ...v, areaKind: 'none' }).area).toBeNull();
  });
});
