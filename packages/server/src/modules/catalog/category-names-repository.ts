import type { Queryable } from '../../platform/db/database';

/** The tenant's active categories: id → Chinese name (what other modules label a category id with). */
async function activeCategoryNames(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; name: string }>(`SELECT id, name_zh AS name FROM categories WHERE active`);
  return new Map(rows.map((c) => [c.id, c.name]));
}

export const categoryNamesRepository = { activeCategoryNames };
