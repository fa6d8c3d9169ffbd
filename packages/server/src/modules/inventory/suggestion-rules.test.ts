import { describe, expect, it } from 'vitest';
import { chooseScope, nearestWarehouses, suggestParts, type StockPlace } from './suggestion-rules';

describe('part suggestions', () => {
  it('suggests the parts drawn on enough jobs of the kind, most used first, with the reason', () => {
    const s = suggestParts('category', 12, [
      { partId: '门机皮带', jobs: 9, units: 9 },
      { partId: '曳引机编码器', jobs: 4, units: 4 },
      { partId: '安全钳', jobs: 1, units: 1 },
      { partId: '门锁开关', jobs: 2, units: 4 },
    ]);
    expect(s.map((x) => x.partId)).toEqual(['门机皮带', '曳引机编码器']);
    expect(s[0]).toEqual({ partId: '门机皮带', qty: 1, reason: '同类工单 12 次中 9 次用到', basis: { scope: 'category', jobs: 12, used: 9 } });
  });

  it('takes the usual quantity per job and says when the model narrowed it', () => {
    const [s] = suggestParts('category_model', 4, [{ partId: '钢丝绳', jobs: 3, units: 7 }]);
    expect(s).toMatchObject({ qty: 2, reason: '同型号同类工单 4 次中 3 次用到' });
  });

  it('suggests nothing without history, and narrows to the model only with enough of its jobs', () => {
    expect(suggestParts('category', 0, [{ partId: 'x', jobs: 2, units: 2 }])).toEqual([]);
    expect(chooseScope(null)).toBe('category');
    expect(chooseScope(2)).toBe('category');
    expect(chooseScope(3)).toBe('category_model');
  });
});

describe('nearest warehouses', () => {
  const place = (id: string, kind: StockPlace['kind'], lat: number | null, lng: number | null, available: number, ownerUserId: string | null = null): StockPlace => ({ id, name: id, kind, lat, lng, available, ownerUserId });
  const site = { lat: 39.9042, lng: 116.4074 }; // 北京
  it('orders by distance from the site, leaves out empty ones and other engineers’ vans, own van first', () => {
    const got = nearestWarehouses(site, [
      place('上海区域库', 'regional', 31.2304, 121.4737, 5),
      place('北京中心库', 'central', 39.95, 116.3, 2),
      place('天津库', 'regional', 39.0842, 117.2009, 0),
      place('王工的车', 'van', 39.9, 116.4, 1, 'wang'),
      place('李工的车', 'van', 31.2, 121.4, 3, 'li'),
      place('无坐标库', 'regional', null, null, 9),
    ], { assigneeId: 'li', limit: 4 });
    expect(got.map((w) => w.id)).toEqual(['李工的车', '北京中心库', '上海区域库', '无坐标库']);
    expect(got[1].km).toBeGreaterThan(5);
    expect(got[1].km).toBeLessThan(15);
    expect(got[2].km).toBeGreaterThan(1000);
    expect(got[3].km).toBeNull();
  });
  it('without a site sorts by stock', () => {
    expect(nearestWarehouses(null, [place('a', 'central', 1, 1, 1), place('b', 'regional', 2, 2, 4)], { assigneeId: null }).map((w) => [w.id, w.km])).toEqual([['b', null], ['a', null]]);
  });
});
