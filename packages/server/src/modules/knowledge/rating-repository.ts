import type { Queryable } from '../../platform/db/database';

export interface RatingRow {
  id: string;
  helpful: boolean;
  comment: string;
  user_id: string | null;
  contact_id: string | null;
  created_at: Date;
}

export const ratingRepository = {
  async insert(q: Queryable, r: RatingRow & { tenant_id: string; article_id: string }): Promise<void> {
    await q.query(
      `INSERT INTO kb_ratings (id, tenant_id, article_id, helpful, comment, user_id, contact_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.id, r.tenant_id, r.article_id, r.helpful, r.comment, r.user_id, r.contact_id, r.created_at],
    );
  },
  async list(q: Queryable, articleId: string, limit: number): Promise<RatingRow[]> {
    return q.query<RatingRow>(`SELECT id, helpful, comment, user_id, contact_id, created_at FROM kb_ratings WHERE article_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [articleId, limit]);
  },
};
