import type { Queryable } from '../../platform/db/database';

export type WarehouseKind = 'central' | 'regional' | 'van';

export interface WarehouseRow {
  id: string;
  name: string;
  kind: WarehouseKind;
  owner_user_id: string | null;
  keeper_user_id: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface WarehouseFields {
  name: string;
  kind: WarehouseKind;
  ownerUserId: string | null;
  keeperUserId: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  active: boolean;
}

const COLUMNS = 'id, name, kind, owner_user_id, keeper_user_id, address, lat, lng, active, created_at, updated_at';

export const warehouseRepository = {
  async insert(q: Queryable, w: WarehouseFields & { id: string; tenantId: string; at: Date }): Promise<WarehouseRow> {
    const [row] = await q.query<WarehouseRow>(
      `INSERT INTO inventory_warehouses (id, tenant_id, name, kind, owner_user_id, keeper_user_id, address, lat, lng, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING ${COLUMNS}`,
      [w.id, w.tenantId, w.name, w.kind, w.ownerUserId, w.keeperUserId, w.address, w.lat, w.lng, w.active, w.at],
    );
    return row;
  },
  async update(q: Queryable, id: string, w: WarehouseFields & { at: Date }): Promise<WarehouseRow | undefined> {
    const [row] = await q.query<WarehouseRow>(
      `UPDATE inventory_warehouses SET name = $2, kind = $3, owner_user_id = $4, keeper_user_id = $5, address = $6, lat = $7, lng = $8, active = $9, updated_at = $10
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, w.name, w.kind, w.ownerUserId, w.keeperUserId, w.address, w.lat, w.lng, w.active, w.at],
    );
    return row;
  },
  async byId(q: Queryable, id: string): Promise<WarehouseRow | undefined> {
    const [row] = await q.query<WarehouseRow>(`SELECT ${COLUMNS} FROM inventory_warehouses WHERE id = $1`, [id]);
    return row;
  },
  async byIds(q: Queryable, ids: string[]): Promise<WarehouseRow[]> {
    if (!ids.length) return [];
    return q.query<WarehouseRow>(`SELECT ${COLUMNS} FROM inventory_warehouses WHERE id = ANY($1::uuid[])`, [ids]);
  },
  list(q: Queryable): Promise<WarehouseRow[]> {
    return q.query<WarehouseRow>(
      `SELECT ${COLUMNS} FROM inventory_warehouses WHERE tenant_id = current_tenant_id()
       ORDER BY active DESC, CASE kind WHEN 'central' THEN 0 WHEN 'regional' THEN 1 ELSE 2 END, name, id`,
    );
  },
  /** The vans an engineer drives. */
  vansOf(q: Queryable, userId: string): Promise<WarehouseRow[]> {
    return q.query<WarehouseRow>(`SELECT ${COLUMNS} FROM inventory_warehouses WHERE tenant_id = current_tenant_id() AND owner_user_id = $1 AND kind = 'van' AND active ORDER BY name`, [userId]);
  },
};
