import type { Queryable } from '../../platform/db/database';
import { likePattern } from '../../platform/db/like-pattern';

export interface PartRow {
  id: string;
  code: string;
  name: string;
  unit: string;
  models: string[];
  product_line: string | null;
  price: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface PartFields {
  code: string;
  name: string;
  unit: string;
  models: string[];
  productLine: string | null;
  price: number | null;
  active: boolean;
}

const COLUMNS = 'id, code, name, unit, models, product_line, price::text AS price, active, created_at, updated_at';

export const partRepository = {
  async insert(q: Queryable, p: PartFields & { id: string; tenantId: string; at: Date }): Promise<PartRow> {
    const [row] = await q.query<PartRow>(
      `INSERT INTO inventory_parts (id, tenant_id, code, name, unit, models, product_line, price, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING ${COLUMNS}`,
      [p.id, p.tenantId, p.code, p.name, p.unit, p.models, p.productLine, p.price, p.active, p.at],
    );
    return row;
  },
  async update(q: Queryable, id: string, p: PartFields & { at: Date }): Promise<PartRow | undefined> {
    const [row] = await q.query<PartRow>(
      `UPDATE inventory_parts SET code = $2, name = $3, unit = $4, models = $5, product_line = $6, price = $7, active = $8, updated_at = $9
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, p.code, p.name, p.unit, p.models, p.productLine, p.price, p.active, p.at],
    );
    return row;
  },
  async byId(q: Queryable, id: string): Promise<PartRow | undefined> {
    const [row] = await q.query<PartRow>(`SELECT ${COLUMNS} FROM inventory_parts WHERE id = $1`, [id]);
    return row;
  },
  async byIds(q: Queryable, ids: string[]): Promise<PartRow[]> {
    if (!ids.length) return [];
    return q.query<PartRow>(`SELECT ${COLUMNS} FROM inventory_parts WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
  },
  /** By code; `q` matches a part of the code or the name, `model` the parts that fit it (or any model). */
  list(q: Queryable, f: { q?: string; model?: string; limit: number; offset: number }): Promise<PartRow[]> {
    return q.query<PartRow>(
      `SELECT ${COLUMNS} FROM inventory_parts
       WHERE tenant_id = current_tenant_id() AND ($1::text IS NULL OR code ILIKE $1 OR name ILIKE $1)
         AND ($2::text IS NULL OR models = '{}' OR $2 = ANY(models))
       ORDER BY active DESC, code, id LIMIT $3 OFFSET $4`,
      [f.q ? likePattern(f.q) : null, f.model ?? null, f.limit, f.offset],
    );
  },
};
