import type { Queryable } from '../../platform/db/database';

export interface KbCategoryRow {
  id: string;
  name: string;
  description: string;
  position: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, description, position, created_at, updated_at';

export const categoryRepository = {
  async insert(q: Queryable, c: KbCategoryRow & { tenant_id: string }): Promise<KbCategoryRow> {
    const [row] = await q.query<KbCategoryRow>(
      `INSERT INTO kb_categories (id, tenant_id, name, description, position, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [c.id, c.tenant_id, c.name, c.description, c.position, c.created_at, c.updated_at],
    );
    return row;
  },
  async byId(q: Queryable, id: string): Promise<KbCategoryRow | undefined> {
    const [row] = await q.query<KbCategoryRow>(`SELECT ${COLUMNS} FROM kb_categories WHERE id = $1`, [id]);
    return row;
  },
  /** In the tenant's order, with how many published articles the reader may see in each. */
  async list(q: Queryable, reader: { audience: 'public' | 'internal'; organizationId: string | null }): Promise<(KbCategoryRow & { published: number })[]> {
    return q.query(
      `SELECT ${COLUMNS.split(', ').map((c) => `c.${c}`).join(', ')},
         (SELECT count(*)::int FROM kb_articles a WHERE a.category_id = c.id AND a.state = 'published'
            AND ($1 = 'internal' OR a.audience = 'public' OR (a.audience = 'organization' AND a.organization_id = $2::uuid))) AS published
       FROM kb_categories c WHERE c.tenant_id = current_tenant_id() ORDER BY c.position, lower(c.name), c.id`,
      [reader.audience, reader.organizationId],
    );
  },
  async update(q: Queryable, id: string, p: { name?: string; description?: string; position?: number; updatedAt: Date }): Promise<KbCategoryRow | undefined> {
    const [row] = await q.query<KbCategoryRow>(
      `UPDATE kb_categories SET name = coalesce($2, name), description = coalesce($3, description), position = coalesce($4, position), updated_at = $5
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, p.name ?? null, p.description ?? null, p.position ?? null, p.updatedAt],
    );
    return row;
  },
  async delete(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM kb_categories WHERE id = $1 RETURNING id', [id])).length > 0;
  },
  async names(q: Queryable): Promise<Map<string, string>> {
    const rows = await q.query<{ id: string; name: string }>(`SELECT id, name FROM kb_categories WHERE tenant_id = current_tenant_id()`);
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
