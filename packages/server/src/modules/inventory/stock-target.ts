import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireStockWriter } from './access';
import { toStockLevel, type StockLevelView } from './inventory-views';
import type { MoveContext } from './move-stock';
import { partRepository, type PartRow } from './part-repository';
import { stockRepository } from './stock-repository';
import { warehouseRepository, type WarehouseRow } from './warehouse-repository';

// What the stock use cases share: the part and warehouse a change names (404 with the field), who may
// change that warehouse's stock, the ledger's context, and the levels answered afterwards.

export async function stockTarget(q: Queryable, actor: Actor, o: { warehouseId: string; partId: string; warehouseField?: string; receiving?: boolean }): Promise<{ w: WarehouseRow; p: PartRow }> {
  const w = await warehouseRepository.byId(q, o.warehouseId);
  if (!w) throw notFound('Warehouse', o.warehouseField ?? 'warehouseId');
  if (!o.receiving) requireStockWriter(actor, w);
  const p = await partRepository.byId(q, o.partId);
  if (!p) throw notFound('Part', 'partId');
  return { w, p };
}

export const moveContext = (deps: Deps, actor: Actor): MoveContext => ({ tenantId: actor.tenantId, at: deps.clock.now(), actorId: actor.type === 'user' ? actor.id : null, actorName: actor.name });

/** The levels of (warehouse, part) pairs after a change. */
export async function levelsOf(q: Queryable, pairs: { warehouseId: string; partId: string }[]): Promise<{ levels: (StockLevelView & { partId: string })[] }> {
  const rows = await stockRepository.places(q, [...new Set(pairs.map((x) => x.partId))]);
  const want = new Set(pairs.map((x) => `${x.warehouseId}/${x.partId}`));
  return { levels: rows.filter((r) => want.has(`${r.warehouse_id}/${r.part_id}`)).map((r) => ({ ...toStockLevel(r), partId: r.part_id })) };
}
