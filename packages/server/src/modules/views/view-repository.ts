import type { Queryable } from '../../platform/db/database';

export interface SavedViewRow {
  id: string;
  owner_id: string;
  owner_name: string | null;
  name: string;
  filters: Record<string, unknown>;
  columns: string[];
  sort: string;
  shared: boolean;
  created_at: Date;
  updated_at: Date;
}

export type SavedViewInsert = Omit<SavedViewRow, 'owner_name'> & { tenant_id: string };

// owner_name is filled in by ownerNamed (from identity), not read here
const COLUMNS = `v.id, v.owner_id, v.name, v.filters, v.columns, v.sort, v.shared, v.created_at, v.updated_at`;

export const viewRepository = {
  async insert(q: Queryable, v: SavedViewInsert): Promise<SavedViewRow> {
    await q.query(
      `INSERT INTO saved_views (id, tenant_id, owner_id, name, filters, columns, sort, shared, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [v.id, v.tenant_id, v.owner_id, v.name, JSON.stringify(v.filters), v.columns, v.sort, v.shared, v.created_at, v.updated_at],
    );
    return (await this.byId(q, v.id))!;
  },
  async byId(q: Queryable, id: string): Promise<SavedViewRow | undefined> {
    const [row] = await q.query<SavedViewRow>(`SELECT ${COLUMNS} FROM saved_views v WHERE v.id = $1`, [id]);
    return row;
  },
  /** The user's own views and the tenant's shared ones: own first, then by name. */
  async listFor(q: Queryable, userId: string): Promise<SavedViewRow[]> {
    return q.query<SavedViewRow>(
      `SELECT ${COLUMNS} FROM saved_views v WHERE v.tenant_id = current_tenant_id() AND (v.owner_id = $1 OR v.shared)
       ORDER BY (v.owner_id = $1) DESC, v.shared, lower(v.name), v.id`,
      [userId],
    );
  },
  async update(q: Queryable, id: string, p: Partial<Pick<SavedViewRow, 'name' | 'filters' | 'columns' | 'sort' | 'shared'>> & { updated_at: Date }): Promise<SavedViewRow | undefined> {
    const rows = await q.query<{ id: string }>(
      `UPDATE saved_views SET name = coalesce($2, name), filters = coalesce($3::jsonb, filters), columns = coalesce($4::text[], columns),
         sort = coalesce($5, sort), shared = coalesce($6, shared), updated_at = $7
       WHERE id = $1 RETURNING id`,
      [id, p.name ?? null, p.filters ? JSON.stringify(p.filters) : null, p.columns ?? null, p.sort ?? null, p.shared ?? null, p.updated_at],
    );
    return rows.length ? this.byId(q, id) : undefined;
  },
  async delete(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM saved_views WHERE id = $1 RETURNING id', [id])).length > 0;
  },
};
