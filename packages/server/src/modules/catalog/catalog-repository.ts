import type { Queryable } from '../../platform/db/database';
import type { FieldDefinition, FieldKind, FieldOption } from './custom-field-rules';

export interface CategoryRow {
  id: string;
  parent_id: string | null;
  name_zh: string;
  name_en: string;
  position: number;
  active: boolean;
}

export interface TicketTypeRow {
  id: string;
  key: string;
  name_zh: string;
  name_en: string;
  active: boolean;
  /** what resolving its tickets needs (resolution, category, assignee) */
  resolve_requires: string[];
}

const TYPE_COLUMNS = 'id, key, name_zh, name_en, active, resolve_requires';

export interface CustomFieldRow extends FieldDefinition {
  id: string;
  ticket_type_id: string | null;
  position: number;
}

export const catalogRepository = {
  // categories: a multi-level tree
  async insertCategory(q: Queryable, c: CategoryRow & { tenant_id: string }): Promise<CategoryRow> {
    const [row] = await q.query<CategoryRow>(
      `INSERT INTO categories (id, tenant_id, parent_id, name_zh, name_en, position, active) VALUES ($1,$2,$3,$4,$5,$6,$7)
       RETURNING id, parent_id, name_zh, name_en, position, active`,
      [c.id, c.tenant_id, c.parent_id, c.name_zh, c.name_en, c.position, c.active],
    );
    return row;
  },
  async updateCategory(q: Queryable, id: string, p: Partial<Omit<CategoryRow, 'id'>>): Promise<CategoryRow | undefined> {
    const [row] = await q.query<CategoryRow>(
      `UPDATE categories SET parent_id = CASE WHEN $2 THEN $3::uuid ELSE parent_id END, name_zh = coalesce($4, name_zh),
         name_en = coalesce($5, name_en), position = coalesce($6, position), active = coalesce($7, active)
       WHERE id = $1 RETURNING id, parent_id, name_zh, name_en, position, active`,
      [id, p.parent_id !== undefined, p.parent_id ?? null, p.name_zh ?? null, p.name_en ?? null, p.position ?? null, p.active ?? null],
    );
    return row;
  },
  async listCategories(q: Queryable): Promise<CategoryRow[]> {
    return q.query<CategoryRow>('SELECT id, parent_id, name_zh, name_en, position, active FROM categories ORDER BY position, name_zh');
  },
  /** Whether the category exists in this tenant (row-level security hides other tenants'). */
  async categoryExists(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM categories WHERE id = $1', [id])).length > 0;
  },
  /** The category and every category below it. */
  async categorySubtree(q: Queryable, id: string): Promise<string[]> {
    const rows = await q.query<{ id: string }>(
      `WITH RECURSIVE sub AS (SELECT id FROM categories WHERE id = $1 UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)
       SELECT id FROM sub`,
      [id],
    );
    return rows.map((r) => r.id);
  },

  /**
   * Serializes changes of one kind within a tenant, for the rest of the transaction: two concurrent
   * category moves could otherwise close a loop, two custom fields could take clashing keys.
   */
  async lock(q: Queryable, what: 'categories' | 'custom_fields'): Promise<void> {
    await q.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext(current_tenant_id()::text))', [`gongdan.${what}`]);
  },

  // ticket types
  async insertType(q: Queryable, t: Omit<TicketTypeRow, 'resolve_requires'> & { tenant_id: string; resolve_requires?: string[] }): Promise<TicketTypeRow> {
    const [row] = await q.query<TicketTypeRow>(
      `INSERT INTO ticket_types (id, tenant_id, key, name_zh, name_en, active, resolve_requires)
       VALUES ($1,$2,$3,$4,$5,$6, coalesce($7::text[], ARRAY['resolution', 'category', 'assignee'])) RETURNING ${TYPE_COLUMNS}`,
      [t.id, t.tenant_id, t.key, t.name_zh, t.name_en, t.active, t.resolve_requires ?? null],
    );
    return row;
  },
  async updateType(q: Queryable, id: string, p: Partial<Omit<TicketTypeRow, 'id' | 'key'>>): Promise<TicketTypeRow | undefined> {
    const [row] = await q.query<TicketTypeRow>(
      `UPDATE ticket_types SET name_zh = coalesce($2, name_zh), name_en = coalesce($3, name_en), active = coalesce($4, active),
         resolve_requires = coalesce($5::text[], resolve_requires)
       WHERE id = $1 RETURNING ${TYPE_COLUMNS}`,
      [id, p.name_zh ?? null, p.name_en ?? null, p.active ?? null, p.resolve_requires ?? null],
    );
    return row;
  },
  async listTypes(q: Queryable): Promise<TicketTypeRow[]> {
    return q.query<TicketTypeRow>(`SELECT ${TYPE_COLUMNS} FROM ticket_types ORDER BY key`);
  },
  async typeExists(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM ticket_types WHERE id = $1', [id])).length > 0;
  },
  async typeById(q: Queryable, id: string): Promise<TicketTypeRow | undefined> {
    const [row] = await q.query<TicketTypeRow>(`SELECT ${TYPE_COLUMNS} FROM ticket_types WHERE id = $1`, [id]);
    return row;
  },

  // custom field definitions: global ones (no type) apply to every ticket
  async insertField(q: Queryable, f: CustomFieldRow & { tenant_id: string }): Promise<CustomFieldRow> {
    const [row] = await q.query<CustomFieldRow>(
      `INSERT INTO custom_fields (id, tenant_id, ticket_type_id, key, kind, label_zh, label_en, required, options, position)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id, ticket_type_id, key, kind, label_zh, label_en, required, options, position`,
      [f.id, f.tenant_id, f.ticket_type_id, f.key, f.kind, f.label_zh, f.label_en, f.required, JSON.stringify(f.options), f.position],
    );
    return row;
  },
  async updateField(
    q: Queryable,
    id: string,
    p: { label_zh?: string; label_en?: string; required?: boolean; options?: FieldOption[]; position?: number },
  ): Promise<CustomFieldRow | undefined> {
    const [row] = await q.query<CustomFieldRow>(
      `UPDATE custom_fields SET label_zh = coalesce($2, label_zh), label_en = coalesce($3, label_en), required = coalesce($4, required),
         options = coalesce($5::jsonb, options), position = coalesce($6, position)
       WHERE id = $1 RETURNING id, ticket_type_id, key, kind, label_zh, label_en, required, options, position`,
      [id, p.label_zh ?? null, p.label_en ?? null, p.required ?? null, p.options ? JSON.stringify(p.options) : null, p.position ?? null],
    );
    return row;
  },
  async fieldById(q: Queryable, id: string): Promise<CustomFieldRow | undefined> {
    const [row] = await q.query<CustomFieldRow>(
      'SELECT id, ticket_type_id, key, kind, label_zh, label_en, required, options, position FROM custom_fields WHERE id = $1',
      [id],
    );
    return row;
  },
  /**
   * A field that would clash with this key: for a global field, any field with the key; for a type's
   * field, a global one or one of the same type (a ticket sees global and type fields together).
   */
  async clashingField(q: Queryable, key: string, typeId: string | null): Promise<{ id: string; ticket_type_id: string | null } | undefined> {
    const [row] = await q.query<{ id: string; ticket_type_id: string | null }>(
      `SELECT id, ticket_type_id FROM custom_fields WHERE key = $1 AND ($2::uuid IS NULL OR ticket_type_id IS NULL OR ticket_type_id = $2)
       ORDER BY ticket_type_id NULLS FIRST LIMIT 1`,
      [key, typeId],
    );
    return row;
  },
  async deleteField(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM custom_fields WHERE id = $1 RETURNING id', [id])).length > 0;
  },
  async listFields(q: Queryable, typeId?: string | null): Promise<CustomFieldRow[]> {
    return q.query<CustomFieldRow>(
      `SELECT id, ticket_type_id, key, kind, label_zh, label_en, required, options, position FROM custom_fields
       WHERE $1::uuid IS NULL OR ticket_type_id IS NULL OR ticket_type_id = $1 ORDER BY position, key`,
      [typeId ?? null],
    );
  },
  /** The definitions that apply to a ticket of this type (global + the type's own). */
  async fieldsForType(q: Queryable, typeId: string | null): Promise<CustomFieldRow[]> {
    return q.query<CustomFieldRow>(
      `SELECT id, ticket_type_id, key, kind::text AS kind, label_zh, label_en, required, options, position FROM custom_fields
       WHERE ticket_type_id IS NULL OR ticket_type_id = $1 ORDER BY position, key`,
      [typeId],
    );
  },
};

export type { FieldKind };
