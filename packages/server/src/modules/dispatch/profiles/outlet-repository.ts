import type { Queryable } from '../../../platform/db/database';

// dispatch_outlets: 服务网点, a branch with an address and a position.

export interface OutletRow {
  id: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}
export type OutletFields = Pick<OutletRow, 'name' | 'address' | 'lat' | 'lng' | 'active'>;

const COLUMNS = 'id, name, address, lat, lng, active, created_at, updated_at';

export const outletRepository = {
  async list(q: Queryable): Promise<OutletRow[]> {
    return q.query<OutletRow>(`SELECT ${COLUMNS} FROM dispatch_outlets WHERE tenant_id = current_tenant_id() ORDER BY name, id`);
  },
  async byId(q: Queryable, id: string): Promise<OutletRow | undefined> {
    const [row] = await q.query<OutletRow>(`SELECT ${COLUMNS} FROM dispatch_outlets WHERE id = $1`, [id]);
    return row;
  },
  async insert(q: Queryable, o: OutletFields & { id: string; tenant_id: string; now: Date }): Promise<OutletRow> {
    const [row] = await q.query<OutletRow>(
      `INSERT INTO dispatch_outlets (id, tenant_id, name, address, lat, lng, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING ${COLUMNS}`,
      [o.id, o.tenant_id, o.name, o.address, o.lat, o.lng, o.active, o.now],
    );
    return row;
  },
  async update(q: Queryable, id: string, p: Partial<OutletFields>, now: Date): Promise<OutletRow | undefined> {
    const [row] = await q.query<OutletRow>(
      `UPDATE dispatch_outlets SET name = coalesce($2, name), address = coalesce($3, address), lat = coalesce($4, lat),
         lng = coalesce($5, lng), active = coalesce($6, active), updated_at = $7
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, p.name ?? null, p.address ?? null, p.lat ?? null, p.lng ?? null, p.active ?? null, now],
    );
    return row;
  },
  async delete(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM dispatch_outlets WHERE id = $1 RETURNING id', [id])).length > 0;
  },
};
