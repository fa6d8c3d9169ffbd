import type { Queryable } from '../../platform/db/database';
import { likePattern } from '../../platform/db/like-pattern';

export interface ReplyTemplateRow {
  id: string;
  name: string;
  body: string;
  category_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, body, category_id, created_by, created_at, updated_at';

export const templateRepository = {
  async insert(q: Queryable, t: ReplyTemplateRow & { tenant_id: string }): Promise<ReplyTemplateRow> {
    const [row] = await q.query<ReplyTemplateRow>(
      `INSERT INTO reply_templates (id, tenant_id, name, body, category_id, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [t.id, t.tenant_id, t.name, t.body, t.category_id, t.created_by, t.created_at, t.updated_at],
    );
    return row;
  },
  async byId(q: Queryable, id: string): Promise<ReplyTemplateRow | undefined> {
    const [row] = await q.query<ReplyTemplateRow>(`SELECT ${COLUMNS} FROM reply_templates WHERE id = $1`, [id]);
    return row;
  },
  /** By name; `q` matches anywhere in the name, case-insensitively. */
  async list(q: Queryable, f: { q?: string; categoryId?: string; limit: number; offset: number }): Promise<ReplyTemplateRow[]> {
    return q.query<ReplyTemplateRow>(
      `SELECT ${COLUMNS} FROM reply_templates
       WHERE tenant_id = current_tenant_id() AND ($1::text IS NULL OR name ILIKE $1) AND ($2::uuid IS NULL OR category_id = $2)
       ORDER BY lower(name), id LIMIT $3 OFFSET $4`,
      [f.q ? likePattern(f.q) : null, f.categoryId ?? null, f.limit, f.offset],
    );
  },
  async update(q: Queryable, id: string, p: { name?: string; body?: string; categoryId?: string | null; updatedAt: Date }): Promise<ReplyTemplateRow | undefined> {
    const [row] = await q.query<ReplyTemplateRow>(
      `UPDATE reply_templates SET name = coalesce($2, name), body = coalesce($3, body),
         category_id = CASE WHEN $4 THEN $5::uuid ELSE category_id END, updated_at = $6
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, p.name ?? null, p.body ?? null, p.categoryId !== undefined, p.categoryId ?? null, p.updatedAt],
    );
    return row;
  },
  async delete(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM reply_templates WHERE id = $1 RETURNING id', [id])).length > 0;
  },
};
