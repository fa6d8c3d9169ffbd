import type { Queryable } from '../../platform/db/database';

// The published articles a reader may see, most read first (the portal's FAQ by category).
export const publishedListRepository = {
  async list(q: Queryable, f: { public: boolean; organizationId: string | null; categoryId: string | null; limit: number }): Promise<{ id: string; title: string; category_id: string | null; views: number; helpful: number }[]> {
    return q.query(
      `SELECT id, title, category_id, views, helpful FROM kb_articles
       WHERE tenant_id = current_tenant_id() AND state = 'published'
         AND ($1::uuid IS NULL OR category_id = $1)
         AND (NOT $2 OR audience = 'public' OR (audience = 'organization' AND $3::uuid IS NOT NULL AND organization_id = $3))
       ORDER BY views DESC, helpful DESC, id LIMIT $4`,
      [f.categoryId, f.public, f.organizationId, f.limit],
    );
  },
};
