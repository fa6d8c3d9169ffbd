import { describe, expect, it } from 'vitest';
import { available, checkQty, isLow, mergeLines, planDraw, stockInsufficient } from './stock-rules';

describe('stock rules', () => {
  it('available is on hand less reserved; low only under a minimum above 0', () => {
    expect(available({ onHand: 5, reserved: 2 })).toBe(3);
    expect(isLow({ onHand: 5, reserved: 2, minimum: 4 })).toBe(true);
    expect(isLow({ onHand: 5, reserved: 1, minimum: 4 })).toBe(false);
    expect(isLow({ onHand: 0, reserved: 0, minimum: 0 })).toBe(false);
  });

  it('merges lines of one warehouse and part and orders them the way rows are locked', () => {
    const lines = mergeLines([
      { partId: 'p2', warehouseId: 'w2', qty: 1 },
      { partId: 'p1', warehouseId: 'w2', qty: 2 },
      { partId: 'p2', warehouseId: 'w1', qty: 1 },
      { partId: 'p1', warehouseId: 'w2', qty: 3 },
    ]);
    expect(lines).toEqual([
      { partId: 'p2', warehouseId: 'w1', qty: 1 },
      { partId: 'p1', warehouseId: 'w2', qty: 5 },
      { partId: 'p2', warehouseId: 'w2', qty: 1 },
    ]);
  });

  it('refuses quantities that are not whole and positive', () => {
    expect(checkQty(3)).toBe(3);
    for (const bad of [0, -1, 1.5, 1e9]) expect(() => checkQty(bad)).toThrow(/quantity/);
  });

  it('names the part and the warehouse when stock is short', () => {
    const e = stockInsufficient({ code: 'MJ-PD-01', name: '门机皮带' }, { name: '北京中心库' }, 0, 1, 'lines.0.qty');
    expect(e.code).toBe('STOCK_INSUFFICIENT');
    expect(e.message).toBe('Not enough 门机皮带 (MJ-PD-01) in 北京中心库: 0 available, 1 asked');
    expect(e.details?.[0]).toMatchObject({ field: 'lines.0.qty', value: 'MJ-PD-01' });
  });

  it('draws usage from the reservations of its part in the warehouse it names (any, when none) and releases the rest', () => {
    const plan = planDraw(
      [
        { id: 'u1', partId: '皮带', warehouseId: 'van', qty: 2 },
        { id: 'u2', partId: '皮带', warehouseId: null, qty: 1 },
        { id: 'u3', partId: '编码器', warehouseId: null, qty: 1 },
      ],
      [
        { id: 'r1', partId: '皮带', warehouseId: 'central', qty: 2 },
        { id: 'r2', partId: '皮带', warehouseId: 'van', qty: 1 },
        { id: 'r3', partId: '安全钳', warehouseId: 'central', qty: 1 },
      ],
    );
    expect(plan.fromReservations).toEqual([
      { reservationId: 'r2', usageId: 'u1', partId: '皮带', warehouseId: 'van', qty: 1 },
      { reservationId: 'r1', usageId: 'u2', partId: '皮带', warehouseId: 'central', qty: 1 },
    ]);
    expect(plan.direct).toEqual([
      { usageId: 'u1', partId: '皮带', warehouseId: 'van', qty: 1 },
      { usageId: 'u3', partId: '编码器', warehouseId: null, qty: 1 },
    ]);
    expect(plan.release).toEqual([
      { reservationId: 'r1', partId: '皮带', warehouseId: 'central', qty: 1, drawn: 1 },
      { reservationId: 'r2', partId: '皮带', warehouseId: 'van', qty: 0, drawn: 1 },
      { reservationId: 'r3', partId: '安全钳', warehouseId: 'central', qty: 1, drawn: 0 },
    ]);
  });

  it('draws beyond the reservation directly from the named warehouse', () => {
    const plan = planDraw([{ id: 'u1', partId: 'p', warehouseId: 'w', qty: 5 }], [{ id: 'r1', partId: 'p', warehouseId: 'w', qty: 2 }]);
    expect(plan.fromReservations.map((x) => x.qty)).toEqual([2]);
    expect(plan.direct).toEqual([{ usageId: 'u1', partId: 'p', warehouseId: 'w', qty: 3 }]);
    expect(plan.release[0]).toMatchObject({ qty: 0, drawn: 2 });
  });
});
