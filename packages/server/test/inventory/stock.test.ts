import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryWorld, type InventoryWorld } from './helpers';

// 备件 / 仓库 / 库存 against a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): stock that
// never goes negative, all-or-nothing reservations, usage idempotent by opId, the settlement at the
// ticket's resolution (drawn what was used, the rest released, once), the ledger, low-stock notices.
describe('inventory: stock, reservations, usage and settlement', () => {
  let w: InventoryWorld;
  beforeAll(async () => {
    w = await inventoryWorld();
  }, 60_000);
  afterAll(() => w?.close());

  it('receives stock and lists parts with on hand, reserved and available per warehouse', async () => {
    await w.receive(w.warehouses.central, w.parts.encoder, 5);
    await w.receive(w.warehouses.central, w.parts.belt, 10);
    await w.receive(w.warehouses.regional, w.parts.belt, 3);
    await w.receive(w.warehouses.van, w.parts.belt, 2);
    const list = await w.call(w.engineer, 'GET', '/api/v1/inventory/parts?q=皮带');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ code: 'MJ-PD-02', name: '门机皮带', unit: '条' });
    expect(list.items[0].stock.map((s: { warehouseName: string; onHand: number; available: number }) => [s.warehouseName, s.onHand, s.available]).sort()).toEqual([
      ['上海区域库', 3, 3],
      ['北京中心库', 10, 10],
      ['王工的车', 2, 2],
    ]);
    // engineers read stock but do not receive it
    expect((await w.t.api(w.engineer, 'POST', '/api/v1/inventory/stock/receive', { warehouseId: w.warehouses.central, partId: w.parts.belt, qty: 1 })).statusCode).toBe(403);
    // the keeper receives into their own warehouse, not into another
    expect((await w.t.api(w.keeper, 'POST', '/api/v1/inventory/stock/receive', { warehouseId: w.warehouses.central, partId: w.parts.safety, qty: 4 })).statusCode).toBe(200);
    expect((await w.t.api(w.keeper, 'POST', '/api/v1/inventory/stock/receive', { warehouseId: w.warehouses.regional, partId: w.parts.safety, qty: 4 })).statusCode).toBe(403);
  });

  it('refuses bad input with a 4xx, never a 5xx', async () => {
    const bad = [
      ['POST', '/api/v1/inventory/warehouses', { name: '李工的车', kind: 'van' }, 400],
      ['POST', '/api/v1/inventory/warehouses', { name: '北京中心库', kind: 'central' }, 409],
      ['POST', '/api/v1/inventory/warehouses', { name: '半个坐标库', kind: 'regional', lat: 30 }, 400],
      ['POST', '/api/v1/inventory/parts', { code: 'MJ-PD-02', name: '重复编码' }, 409],
      ['POST', '/api/v1/inventory/stock/receive', { warehouseId: w.warehouses.central, partId: w.parts.belt, qty: 0 }, 400],
      ['POST', '/api/v1/inventory/stock/receive', { warehouseId: randomUUID(), partId: w.parts.belt, qty: 1 }, 404],
      ['POST', '/api/v1/inventory/stock/transfer', { fromWarehouseId: w.warehouses.central, toWarehouseId: w.warehouses.central, partId: w.parts.belt, qty: 1 }, 400],
      ['POST', '/api/v1/inventory/stock/adjust', { warehouseId: w.warehouses.central, partId: w.parts.belt, delta: -1 }, 400],
    ] as const;
    for (const [method, url, body, status] of bad) {
      const res = await w.t.api(w.admin, method, url, body);
      expect([url, res.statusCode], res.body).toEqual([url, status]);
    }
  });

  it('transfers from available stock only, with two ledger rows, and adjusts never below reserved', async () => {
    const short = await w.t.api(w.admin, 'POST', '/api/v1/inventory/stock/transfer', { fromWarehouseId: w.warehouses.regional, toWarehouseId: w.warehouses.van, partId: w.parts.belt, qty: 4, reason: '补车载库' });
    expect(short.statusCode).toBe(409);
    expect(short.json().error).toMatchObject({ code: 'STOCK_INSUFFICIENT', message: 'Not enough 门机皮带 (MJ-PD-02) in 上海区域库: 3 available, 4 asked' });
    const moved = await w.call(w.admin, 'POST', '/api/v1/inventory/stock/transfer', { fromWarehouseId: w.warehouses.regional, toWarehouseId: w.warehouses.central, partId: w.parts.belt, qty: 1, reason: '调回中心库' });
    expect(moved.levels.map((l: { warehouseName: string; onHand: number }) => [l.warehouseName, l.onHand]).sort()).toEqual([['上海区域库', 2], ['北京中心库', 11]]);
    const ledger = await w.call(w.admin, 'GET', `/api/v1/inventory/parts/${w.parts.belt}/movements?limit=2`);
    expect(ledger.items.map((m: { kind: string; onHandDelta: number; reason: string }) => [m.kind, m.onHandDelta, m.reason]).sort()).toEqual([['transferred_in', 1, '调回中心库'], ['transferred_out', -1, '调回中心库']]);
    expect(ledger.nextBefore).toBeTruthy();

    const ticket = await w.ticket('3号梯门机异响');
    await w.call(w.engineer, 'POST', `/api/v1/tickets/${ticket}/parts/reservations`, { lines: [{ partId: w.parts.belt, warehouseId: w.warehouses.regional, qty: 2 }] }, 201);
    const below = await w.t.api(w.admin, 'POST', '/api/v1/inventory/stock/adjust', { warehouseId: w.warehouses.regional, partId: w.parts.belt, delta: -1, reason: '盘点少一条' });
    expect(below.statusCode).toBe(409);
    expect(below.json().error.code).toBe('STOCK_INSUFFICIENT');
    expect(await w.level(w.warehouses.regional, w.parts.belt)).toEqual({ on_hand: 2, reserved: 2 });
    await w.call(w.engineer, 'DELETE', `/api/v1/tickets/${ticket}/parts/reservations/${(await w.call(w.engineer, 'GET', `/api/v1/tickets/${ticket}/parts`)).reservations[0].id}`, undefined, 204);
    expect(await w.level(w.warehouses.regional, w.parts.belt)).toEqual({ on_hand: 2, reserved: 0 });
  });

  it('reserves all or nothing: a short line names its part and nothing of the request is kept', async () => {
    const ticket = await w.ticket('5号梯平层不准');
    const before = await w.level(w.warehouses.central, w.parts.encoder);
    const res = await w.t.api(w.engineer, 'POST', `/api/v1/tickets/${ticket}/parts/reservations`, {
      lines: [
        { partId: w.parts.encoder, warehouseId: w.warehouses.central, qty: 1 },
        { partId: w.parts.safety, warehouseId: w.warehouses.regional, qty: 1 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'STOCK_INSUFFICIENT', field: 'lines.1.qty', details: [{ value: 'AQQ-03' }] });
    expect(res.json().error.message).toContain('安全钳');
    expect(await w.level(w.warehouses.central, w.parts.encoder)).toEqual(before);
    expect((await w.call(w.engineer, 'GET', `/api/v1/tickets/${ticket}/parts`)).reservations).toEqual([]);
    const ok = await w.call(w.engineer, 'POST', `/api/v1/tickets/${ticket}/parts/reservations`, { lines: [{ partId: w.parts.encoder, warehouseId: w.warehouses.central, qty: 1 }, { partId: w.parts.encoder, warehouseId: w.warehouses.central, qty: 1 }] }, 201);
    expect(ok.reservations).toMatchObject([{ code: 'YYJ-BMQ-01', warehouseName: '北京中心库', qty: 2, state: 'active' }]);
    expect(await w.level(w.warehouses.central, w.parts.encoder)).toEqual({ on_hand: before.on_hand, reserved: before.reserved + 2 });
  });

  it('records usage idempotently by opId and draws it at the resolution, releasing the rest, exactly once', async () => {
    const ticket = await w.ticket('7号梯困人，门机故障');
    await w.call(w.engineer, 'POST', `/api/v1/tickets/${ticket}/parts/reservations`, { lines: [{ partId: w.parts.belt, warehouseId: w.warehouses.central, qty: 2 }, { partId: w.parts.encoder, warehouseId: w.warehouses.central, qty: 1 }] }, 201);
    const belt0 = await w.level(w.warehouses.central, w.parts.belt);
    const enc0 = await w.level(w.warehouses.central, w.parts.encoder);
    const van0 = await w.level(w.warehouses.van, w.parts.belt);
    const opId = randomUUID();
    const first = await w.usage(w.engineer, ticket, [{ partId: w.parts.belt, warehouseId: w.warehouses.central, qty: 1 }], opId);
    expect(first.statusCode, first.body).toBe(200);
    const again = await w.usage(w.engineer, ticket, [{ partId: w.parts.belt, warehouseId: w.warehouses.central, qty: 5 }], opId);
    expect(again.json()).toEqual(first.json());
    const other = await w.ticket('另一张工单');
    expect((await w.usage(w.engineer, other, [{ partId: w.parts.belt, qty: 1 }], opId)).statusCode).toBe(422);
    // one more belt from the van, not reserved
    expect((await w.usage(w.engineer, ticket, [{ partId: w.parts.belt, warehouseId: w.warehouses.van, qty: 1 }])).statusCode).toBe(200);
    expect((await w.call(w.engineer, 'GET', `/api/v1/tickets/${ticket}/parts`)).used.map((u: { qty: number; state: string }) => [u.qty, u.state])).toEqual([[1, 'recorded'], [1, 'recorded']]);

    await w.resolve(ticket);
    await w.pump();
    await w.pump();
    expect(await w.level(w.warehouses.central, w.parts.belt)).toEqual({ on_hand: belt0.on_hand - 1, reserved: belt0.reserved - 2 });
    expect(await w.level(w.warehouses.central, w.parts.encoder)).toEqual({ on_hand: enc0.on_hand, reserved: enc0.reserved - 1 });
    expect(await w.level(w.warehouses.van, w.parts.belt)).toEqual({ on_hand: van0.on_hand - 1, reserved: 0 });
    const parts = await w.call(w.engineer, 'GET', `/api/v1/tickets/${ticket}/parts`);
    expect(parts.reservations.map((r: { code: string; state: string; drawn: number }) => [r.code, r.state, r.drawn]).sort()).toEqual([['MJ-PD-02', 'drawn', 1], ['YYJ-BMQ-01', 'released', 0]]);
    expect(parts.used.map((u: { state: string; drawn: number }) => [u.state, u.drawn])).toEqual([['drawn', 1], ['drawn', 1]]);
    const moves = await w.sql<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM inventory_movements WHERE ticket_id = $1 GROUP BY kind ORDER BY kind`, [ticket]);
    expect(moves).toEqual([{ kind: 'drawn', n: 2 }, { kind: 'released', n: 2 }, { kind: 'reserved', n: 2 }]);
    // closing the resolved ticket settles nothing twice
    await w.call(w.admin, 'PATCH', `/api/v1/tickets/${ticket}`, { status: 'closed' });
    await w.pump();
    expect(await w.level(w.warehouses.central, w.parts.belt)).toEqual({ on_hand: belt0.on_hand - 1, reserved: belt0.reserved - 2 });
    // usage that arrives after the resolution (the phone was offline) is drawn at once
    const late = await w.usage(w.engineer, ticket, [{ partId: w.parts.belt, warehouseId: w.warehouses.van, qty: 1 }]);
    expect(late.json().lines).toMatchObject([{ state: 'drawn', drawn: 1 }]);
    expect(await w.level(w.warehouses.van, w.parts.belt)).toEqual({ on_hand: van0.on_hand - 2, reserved: 0 });
  });

  it('tells the keeper once when available stock falls below the minimum, and again after it recovered', async () => {
    await w.call(w.keeper, 'POST', '/api/v1/inventory/stock/adjust', { warehouseId: w.warehouses.central, partId: w.parts.safety, minimum: 3, reason: '设置安全库存' });
    const notes = () => w.sql<{ data: any }>(`SELECT data FROM notifications WHERE user_id = $1 AND kind = 'stock_low' ORDER BY created_at`, [w.keeperId]);
    expect(await notes()).toEqual([]);
    const a = await w.ticket('安全钳动作');
    await w.call(w.engineer, 'POST', `/api/v1/tickets/${a}/parts/reservations`, { lines: [{ partId: w.parts.safety, warehouseId: w.warehouses.central, qty: 2 }] }, 201);
    const b = await w.ticket('安全钳复位');
    await w.call(w.engineer, 'POST', `/api/v1/tickets/${b}/parts/reservations`, { lines: [{ partId: w.parts.safety, warehouseId: w.warehouses.central, qty: 1 }] }, 201);
    expect((await notes()).map((n) => n.data)).toEqual([expect.objectContaining({ partCode: 'AQQ-03', warehouseName: '北京中心库', available: 2, minimum: 3 })]);
    await w.receive(w.warehouses.central, w.parts.safety, 5);
    await w.call(w.engineer, 'POST', `/api/v1/tickets/${b}/parts/reservations`, { lines: [{ partId: w.parts.safety, warehouseId: w.warehouses.central, qty: 5 }] }, 201);
    expect(await notes()).toHaveLength(2);
  });

  it('shows the engineer their van and only the tickets they may see', async () => {
    const van = await w.call(w.engineer, 'GET', '/api/v1/me/van-stock');
    expect(van.warehouses).toHaveLength(1);
    expect(van.warehouses[0]).toMatchObject({ name: '王工的车', items: [expect.objectContaining({ code: 'MJ-PD-02' })] });
    const theirs = await w.call(w.admin, 'POST', '/api/v1/tickets', { title: '别人的工单', description: '不归王工', requester: { name: '张三' } }, 201);
    expect((await w.t.api(w.engineer, 'GET', `/api/v1/tickets/${theirs.id}/parts`)).statusCode).toBe(404);
    expect((await w.t.api(w.engineer, 'POST', `/api/v1/tickets/${theirs.id}/parts/reservations`, { lines: [{ partId: w.parts.belt, warehouseId: w.warehouses.central, qty: 1 }] })).statusCode).toBe(404);
  });
});
