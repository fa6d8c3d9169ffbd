import { describe, expect, it } from 'vitest';
import { parentProblem, portalAssetLink, positionComplete, QR_TOKEN, siteOfAsset, warrantyState } from './asset-rules';

describe('asset rules', () => {
  it('refuses a parent that is the asset or below it (国贸大厦 → 1 号电梯 → 控制柜)', () => {
    const [building, lift, cabinet] = ['b', 'l', 'c'];
    expect(parentProblem(lift, building, [])).toBeNull();
    expect(parentProblem(lift, lift, [])).toBe('cycle');
    // the building under its own cabinet: above the cabinet are the lift and the building
    expect(parentProblem(building, cabinet, [lift, building])).toBe('cycle');
    expect(parentProblem(undefined, building, [])).toBeNull();
    expect(parentProblem(lift, null, [])).toBeNull();
  });

  it('needs both coordinates or neither', () => {
    expect(positionComplete(39.9, 116.4)).toBe(true);
    expect(positionComplete(null, null)).toBe(true);
    expect(positionComplete(39.9, null)).toBe(false);
  });

  it('tells the warranty state on a day', () => {
    expect(warrantyState(null, '2026-12-05')).toBeNull();
    expect(warrantyState('2026-12-04', '2026-12-05')).toBe('expired');
    expect(warrantyState('2026-12-05', '2026-12-05')).toBe('expiring');
    expect(warrantyState('2027-01-04', '2026-12-05')).toBe('expiring');
    expect(warrantyState('2027-01-05', '2026-12-05')).toBe('in_warranty');
  });

  it('a site only with a position', () => {
    expect(siteOfAsset({ lat: 39.9087, lng: 116.4605, address: '北京市朝阳区建国门外大街1号' })).toEqual({ lat: 39.9087, lng: 116.4605, address: '北京市朝阳区建国门外大街1号' });
    expect(siteOfAsset({ lat: null, lng: null, address: '国贸大厦' })).toBeNull();
  });

  it('links the QR label to the portal form by token, never by serial', () => {
    const token = 'a'.repeat(32);
    expect(portalAssetLink('https://gongdan.example.cn/', '国贸物业', token)).toBe(`https://gongdan.example.cn/portal/${encodeURIComponent('国贸物业')}/new?asset=${token}`);
    expect(QR_TOKEN.test(token)).toBe(true);
    expect(QR_TOKEN.test('ELV-GM-001')).toBe(false);
  });
});
