import { randomUUID } from 'node:crypto';
import type { Deps } from '../platform/deps';
import type { Actor } from '../modules/identity';
import { adjustStock, createPart, createWarehouse, receiveStock, recordUsage, settleTicketParts } from '../modules/inventory';
import { listTickets } from '../modules/tickets';
import type { Catalog } from './demo-catalog';
import type { CategoryKey } from './data';
import { staffByKey, type People } from './demo-people';
import type { Random } from './random';

// 备件 / 仓库 / 库存 in the demo: 北京中心库, 上海区域库 and 高峰's van, twenty elevator parts with stock
// and minimums, and the parts the solved elevator tickets used (drawn and settled), so a new elevator
// job gets its suggestions ("同类工单 12 次中 9 次用到") with the nearest warehouses.

const PARTS: [code: string, name: string, unit: string, stock: number][] = [
  ['YYJ-BMQ-01', '曳引机编码器', '个', 12],
  ['MJ-PD-02', '门机皮带', '条', 40],
  ['AQQ-03', '安全钳', '套', 6],
  ['MS-KG-04', '门锁开关', '个', 30],
  ['AQ-JDQ-05', '安全回路继电器', '个', 25],
  ['DX-XC-06', '导靴靴衬', '副', 36],
  ['GSS-07', '曳引钢丝绳', '米', 400],
  ['XSQ-08', '限速器', '台', 4],
  ['HC-09', '缓冲器', '个', 5],
  ['CZ-AN-10', '层站召唤按钮', '个', 60],
  ['JX-CZB-11', '轿厢操纵盘', '块', 8],
  ['BPQ-12', '变频器', '台', 3],
  ['MJ-KZB-13', '门机控制板', '块', 10],
  ['ZDQ-XP-14', '制动器闸瓦', '副', 16],
  ['PC-GZ-15', '平层感应器', '个', 20],
  ['GM-16', '光幕', '对', 14],
  ['SJP-17', '应急照明电源', '个', 12],
  ['ZM-DD-18', '轿顶检修盒', '个', 6],
  ['MDK-19', '门刀组件', '套', 9],
  ['DLB-20', '电梯主板', '块', 4],
];

/** Per elevator category: the parts its jobs draw and how often (share of jobs). */
const USAGE: Partial<Record<CategoryKey, [code: string, share: number][]>> = {
  trapped: [['MS-KG-04', 0.7], ['MJ-PD-02', 0.5], ['AQ-JDQ-05', 0.35], ['GM-16', 0.2]],
  noise: [['DX-XC-06', 0.65], ['YYJ-BMQ-01', 0.3], ['ZDQ-XP-14', 0.3]],
  elevator: [['MJ-PD-02', 0.6], ['CZ-AN-10', 0.4], ['PC-GZ-15', 0.25]],
};

export async function createDemoInventory(deps: Deps, admin: Actor, o: { people: People; catalog: Catalog; rng: Random }): Promise<string> {
  const keeper = staffByKey(o.people, 'sup-chen');
  const vanOwner = staffByKey(o.people, 'eng-gao');
  const central = await createWarehouse(deps, admin, { name: '北京中心库', kind: 'central', keeperUserId: keeper.user.id, address: '北京市朝阳区酒仙桥路10号', lat: 39.9711, lng: 116.4916 });
  const regional = await createWarehouse(deps, admin, { name: '上海区域库', kind: 'regional', keeperUserId: keeper.user.id, address: '上海市浦东新区张江路88号', lat: 31.2037, lng: 121.5906 });
  const van = await createWarehouse(deps, admin, { name: `${vanOwner.user.name}的车载库`, kind: 'van', ownerUserId: vanOwner.user.id, lat: 39.9087, lng: 116.3975 });
  const ids = new Map<string, string>();
  for (const [code, name, unit, stock] of PARTS) {
    const p = await createPart(deps, admin, { code, name, unit, models: ['3300AP', 'GeN2-MRL'], productLine: '电梯' });
    ids.set(code, p.id);
    await receiveStock(deps, admin, { warehouseId: central.id, partId: p.id, qty: stock * 2, reason: '期初入库' });
    await receiveStock(deps, admin, { warehouseId: regional.id, partId: p.id, qty: stock, reason: '期初入库' });
  }
  for (const code of ['MJ-PD-02', 'MS-KG-04', 'DX-XC-06', 'CZ-AN-10'])
    await receiveStock(deps, admin, { warehouseId: van.id, partId: ids.get(code)!, qty: 2, reason: '车载库补货' });

  let jobs = 0;
  for (const [category, usage] of Object.entries(USAGE) as [CategoryKey, [string, number][]][]) {
    const categoryId = o.catalog.categoryIds.get(category);
    if (!categoryId) continue;
    const solved = await listTickets(deps, admin, { status: ['resolved', 'closed'], categoryId, limit: 60 });
    for (const t of solved.items.filter((x) => x.categoryId === categoryId)) {
      const lines = usage.filter(([, share]) => o.rng.chance(share)).map(([code]) => ({ partId: ids.get(code)!, warehouseId: central.id, qty: code === 'GSS-07' ? 10 : 1 }));
      if (lines.length) await recordUsage(deps, admin, t.id, { opId: randomUUID(), lines });
      await deps.db.tenant(admin.tenantId, (q) => settleTicketParts(q, deps, admin.tenantId, t.id, `demo:${t.id}`));
      jobs++;
    }
  }
  // minimums: a few parts already below theirs, so the keeper has a notice waiting
  for (const [code, minimum] of [['XSQ-08', 10], ['BPQ-12', 8], ['MJ-PD-02', 20], ['YYJ-BMQ-01', 6]] as const)
    await adjustStock(deps, admin, { warehouseId: central.id, partId: ids.get(code)!, minimum, reason: '设置安全库存' });
  return `${PARTS.length} parts in 3 warehouses, parts used on ${jobs} solved elevator tickets`;
}
