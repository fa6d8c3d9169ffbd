import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryWorld, type InventoryWorld } from './helpers';

// 备件推荐: from the parts drawn on settled tickets of the same category, with the reason and the nearest
// warehouses that have them (the assignee's van first, then by km from the ticket's site).
describe('inventory: part suggestions', () => {
  let w: InventoryWorld;
  beforeAll(async () => {
    w = await inventoryWorld();
    await w.receive(w.warehouses.central, w.parts.belt, 10);
    await w.receive(w.warehouses.regional, w.parts.belt, 10);
    await w.receive(w.warehouses.central, w.parts.encoder, 10);
    await w.receive(w.warehouses.van, w.parts.belt, 1);
    // four past jobs of 电梯故障: the belt on three, the encoder on one
    for (const [i, used] of [['belt'], ['belt', 'encoder'], ['belt'], []].entries()) {
      const id = await w.ticket(`历史工单${i + 1}：门机故障`);
      for (const p of used) expect((await w.usage(w.engineer, id, [{ partId: w.parts[p as 'belt' | 'encoder'], warehouseId: w.warehouses.central, qty: 1 }])).statusCode).toBe(200);
      await w.resolve(id);
    }
    await w.pump();
  }, 120_000);
  afterAll(() => w?.close());

  it('suggests what most jobs of the category used, says why, and where the nearest stock is', async () => {
    const id = await w.ticket('2号梯门关不上');
    const parts = await w.call(w.engineer, 'GET', `/api/v1/tickets/${id}/parts`);
    expect(parts.suggested).toEqual([{ partId: w.parts.belt, code: 'MJ-PD-02', name: '门机皮带', unit: '条', qty: 1, reason: '同类工单 4 次中 3 次用到', basis: { scope: 'category', jobs: 4, used: 3 } }]);
    const [near] = parts.nearest;
    expect(near.partId).toBe(w.parts.belt);
    expect(near.warehouses.map((x: { name: string }) => x.name)).toEqual(['王工的车', '北京中心库', '上海区域库']);
    expect(near.warehouses[1].km).toBeGreaterThan(5);
    expect(near.warehouses[1].km).toBeLessThan(20);
    expect(near.warehouses[2].km).toBeGreaterThan(1000);
    // one click: the suggestion reserved at the nearest warehouse
    const made = await w.call(w.engineer, 'POST', `/api/v1/tickets/${id}/parts/reservations`, { lines: [{ partId: w.parts.belt, warehouseId: near.warehouses[1].id, qty: 1 }] }, 201);
    expect(made.reservations[0]).toMatchObject({ warehouseName: '北京中心库', qty: 1, state: 'active' });
  });

  it('suggests nothing for a ticket without a category', async () => {
    const id = await w.ticket('未分类的报修', { categoryId: null });
    const parts = await w.call(w.engineer, 'GET', `/api/v1/tickets/${id}/parts`);
    expect(parts).toEqual({ suggested: [], reservations: [], used: [], nearest: [] });
  });
  it('narrows to the device model of the ticket’s asset once that model has enough settled jobs', async () => {
    const asset = async (serial: string, model: string) => (await w.call(w.admin, 'POST', '/api/v1/assets', { serial, model, name: `${model} 电梯` }, 201)).id as string;
    const mrl = await asset('SN-MRL-0001', 'GeN2-MRL');
    // three jobs on this model, each used the encoder (the category as a whole mostly used the belt)
    for (const i of [1, 2, 3]) {
      const id = await w.ticket(`无机房电梯故障${i}`, { assetId: mrl });
      expect((await w.usage(w.engineer, id, [{ partId: w.parts.encoder, warehouseId: w.warehouses.central, qty: 1 }])).statusCode).toBe(200);
      await w.resolve(id);
    }
    await w.pump();
    const id = await w.ticket('无机房电梯又坏了', { assetId: mrl });
    const parts = await w.call(w.engineer, 'GET', `/api/v1/tickets/${id}/parts`);
    expect(parts.suggested.map((s: { code: string; reason: string }) => [s.code, s.reason])).toEqual([['YYJ-BMQ-01', '同型号同类工单 3 次中 3 次用到']]);
    // another model with no history of its own: the category's
    const other = await w.ticket('有机房电梯故障', { assetId: await asset('SN-3300-0001', '3300AP') });
    const byCategory = (await w.call(w.engineer, 'GET', `/api/v1/tickets/${other}/parts`)).suggested;
    expect(byCategory.map((s: { code: string; reason: string }) => [s.code, s.reason])).toEqual([['YYJ-BMQ-01', '同类工单 7 次中 4 次用到'], ['MJ-PD-02', '同类工单 7 次中 3 次用到']]);
  });
});
