import { describe, expect, it } from 'vitest';
import type { TicketParts, VanStock } from './field-api';
import { partChoices, reserveChoices } from './parts-choices';

const line = (partId: string, code: string, name: string) => ({ partId, code, name, unit: '个' });

describe('the parts an engineer can record as used', () => {
  it('lists the job’s open reservations, then the van’s stock, then suggestions not already offered', () => {
    const parts = {
      suggested: [
        { ...line('p1', 'BELT-01', '传动皮带'), qty: 1, reason: '同型号维修常用', basis: { scope: 'category_model', jobs: 5, used: 4 } },
        { ...line('p3', 'FUSE-10', '保险丝'), qty: 2, reason: '同类维修常用', basis: { scope: 'category', jobs: 9, used: 3 } },
      ],
      reservations: [
        { id: 'r1', ...line('p1', 'BELT-01', '传动皮带'), warehouseId: 'w1', warehouseName: '上海中心库', qty: 2, drawn: 0, state: 'active', createdAt: '2026-03-02T01:00:00Z' },
        { id: 'r2', ...line('p2', 'PUMP-02', '水泵'), warehouseId: 'w1', warehouseName: '上海中心库', qty: 1, drawn: 1, state: 'drawn', createdAt: '2026-03-02T01:00:00Z' },
      ],
      used: [],
      nearest: [],
    } as TicketParts;
    const van = { warehouses: [{ id: 'v1', name: '张工的车', items: [{ ...line('p3', 'FUSE-10', '保险丝'), onHand: 5, reserved: 1, available: 4, minimum: 0 }, { ...line('p4', 'GLUE', '密封胶'), onHand: 0, reserved: 0, available: 0, minimum: 1 }] }] } as VanStock;
    const choices = partChoices(parts, van);
    expect(choices.map((c) => [c.source, c.code, c.warehouseId, c.qty])).toEqual([
      ['reserved', 'BELT-01', 'w1', 2],
      ['van', 'FUSE-10', 'v1', 4],
    ]);
  });

  it('offers suggestions when nothing is reserved and the van is unknown', () => {
    const parts = { suggested: [{ ...line('p1', 'BELT-01', '传动皮带'), qty: 1, reason: '', basis: { scope: 'category', jobs: 1, used: 1 } }], reservations: [], used: [], nearest: [] } as TicketParts;
    expect(partChoices(parts, undefined)).toEqual([{ key: 'p1:', source: 'suggested', partId: 'p1', code: 'BELT-01', name: '传动皮带', unit: '个', qty: 1 }]);
  });

  it('reserves each suggestion not yet reserved in the first (nearest) warehouse with enough available', () => {
    const parts = {
      suggested: [
        { ...line('p1', 'BELT-01', '门机皮带'), qty: 2, reason: '', basis: { scope: 'category', jobs: 4, used: 3 } },
        { ...line('p2', 'ROLL-02', '门滑轮'), qty: 1, reason: '', basis: { scope: 'category', jobs: 4, used: 2 } },
        { ...line('p3', 'FUSE-10', '保险丝'), qty: 1, reason: '', basis: { scope: 'category', jobs: 4, used: 2 } },
        { ...line('p4', 'GLUE', '密封胶'), qty: 1, reason: '', basis: { scope: 'category', jobs: 4, used: 2 } },
      ],
      reservations: [{ id: 'r1', ...line('p3', 'FUSE-10', '保险丝'), warehouseId: 'w1', warehouseName: '黄浦前置库', qty: 1, drawn: 0, state: 'active', createdAt: '2026-03-02T01:00:00Z' }],
      used: [],
      nearest: [
        { partId: 'p1', warehouses: [{ id: 'w1', name: '黄浦前置库', kind: 'regional', km: 0.8, available: 1 }, { id: 'w2', name: '嘉定中心库', kind: 'central', km: 29.5, available: 20 }] },
        { partId: 'p2', warehouses: [{ id: 'w1', name: '黄浦前置库', kind: 'regional', km: 0.8, available: 3 }] },
        { partId: 'p4', warehouses: [] },
      ],
    } as TicketParts;
    expect(reserveChoices(parts).map((c) => [c.code, c.warehouseId, c.qty, c.km])).toEqual([
      ['BELT-01', 'w2', 2, 29.5],
      ['ROLL-02', 'w1', 1, 0.8],
    ]);
    expect(reserveChoices(undefined)).toEqual([]);
  });
});
