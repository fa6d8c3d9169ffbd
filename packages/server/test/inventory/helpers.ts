import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { connectInventory, INVENTORY_CONSUMER } from '../../src/modules/inventory';
import { OutboxDispatcher } from '../../src/platform/outbox/outbox-dispatcher';
import { drainUntilPassed } from '../support/outbox-settle';
import { PASSWORD, startTestApp, type TestApp, type TestTenant } from '../support/test-app';

// An app with the inventory consumer on its own dispatcher; a tenant with an engineer, a keeper, the
// warehouses 北京中心库 / 上海区域库 / 王工的车 and a few elevator parts.

export const BEIJING = { lat: 39.9087, lng: 116.3975 };
export const SHANGHAI = { lat: 31.2304, lng: 121.4737 };

export async function inventoryWorld() {
  const t: TestApp = await startTestApp();
  const errors: unknown[] = [];
  const outbox = new OutboxDispatcher(t.db, t.clock, { log: { error: (obj) => errors.push(obj) } });
  connectInventory(t.deps, outbox);
  const acme: TestTenant = await t.tenant('迅达电梯服务');
  const admin = acme.adminToken;
  const call = async (token: string, method: string, url: string, body?: unknown, status = 200) => {
    const res = await t.api(token, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res.body ? res.json() : undefined;
  };
  const user = async (email: string, name: string, role: string) => (await call(admin, 'POST', '/api/v1/users', { email, name, password: PASSWORD, role }, 201)).id as string;
  const engineerId = await user('wanggong@dianti.cn', '王工', 'engineer');
  const keeperId = await user('kuguan@dianti.cn', '赵库管', 'agent');
  const engineer = await t.login('wanggong@dianti.cn', PASSWORD, acme.slug);
  const keeper = await t.login('kuguan@dianti.cn', PASSWORD, acme.slug);
  const central = await call(admin, 'POST', '/api/v1/inventory/warehouses', { name: '北京中心库', kind: 'central', keeperUserId: keeperId, address: '北京市朝阳区酒仙桥路10号', lat: 39.97, lng: 116.49 }, 201);
  const regional = await call(admin, 'POST', '/api/v1/inventory/warehouses', { name: '上海区域库', kind: 'regional', address: '上海市浦东新区张江路88号', ...SHANGHAI }, 201);
  const van = await call(admin, 'POST', '/api/v1/inventory/warehouses', { name: '王工的车', kind: 'van', ownerUserId: engineerId, lat: 39.9, lng: 116.4 }, 201);
  const part = async (code: string, name: string, unit = '个') => (await call(admin, 'POST', '/api/v1/inventory/parts', { code, name, unit, models: ['3300AP'], productLine: '电梯' }, 201)).id as string;
  const parts = { encoder: await part('YYJ-BMQ-01', '曳引机编码器'), belt: await part('MJ-PD-02', '门机皮带', '条'), safety: await part('AQQ-03', '安全钳', '套') };
  const categoryId = (await call(admin, 'POST', '/api/v1/categories', { nameZh: '电梯故障', nameEn: 'Elevator fault' }, 201)).id as string;
  const sql = <T = any,>(text: string, params?: unknown[]) => t.db.tenant(acme.id, (q) => q.query<T>(text, params));
  return {
    t,
    acme,
    admin,
    engineer,
    engineerId,
    keeper,
    keeperId,
    warehouses: { central: central.id as string, regional: regional.id as string, van: van.id as string },
    parts,
    categoryId,
    call,
    sql,
    receive: (warehouseId: string, partId: string, qty: number) => call(admin, 'POST', '/api/v1/inventory/stock/receive', { warehouseId, partId, qty, reason: '采购入库' }),
    /** a ticket in the elevator category assigned to 王工, on site in Beijing */
    async ticket(title: string, o: { categoryId?: string | null; site?: { lat: number; lng: number }; assetId?: string } = {}) {
      const body = { title, description: `${title}，请尽快上门`, requester: { name: '物业李经理', phone: '13800138000' }, categoryId: o.categoryId === undefined ? categoryId : o.categoryId, assigneeId: engineerId, site: { ...(o.site ?? BEIJING), address: '北京市东城区王府井大街1号' }, ...(o.assetId ? { assetId: o.assetId } : {}) };
      if (body.categoryId === null) delete (body as { categoryId?: unknown }).categoryId;
      return (await call(admin, 'POST', '/api/v1/tickets', body, 201)).id as string;
    },
    resolve: (id: string) => call(admin, 'PATCH', `/api/v1/tickets/${id}`, { status: 'resolved', resolution: '已更换配件，运行正常' }),
    usage: (token: string, ticketId: string, lines: unknown[], opId = randomUUID()) => t.api(token, 'POST', `/api/v1/tickets/${ticketId}/parts/usage`, { opId, lines }),
    level: async (warehouseId: string, partId: string) => {
      const [row] = await sql<{ on_hand: number; reserved: number }>('SELECT on_hand, reserved FROM inventory_stock WHERE warehouse_id = $1 AND part_id = $2', [warehouseId, partId]);
      return row ?? { on_hand: 0, reserved: 0 };
    },
    /** the outbox dispatched until the inventory consumer has passed everything */
    pump: () => drainUntilPassed(t.db, outbox, [INVENTORY_CONSUMER], { errors }),
    async close() {
      await outbox.stop();
      await t.close();
    },
  };
}
export type InventoryWorld = Awaited<ReturnType<typeof inventoryWorld>>;
