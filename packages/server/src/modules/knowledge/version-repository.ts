import type { Queryable } from '../../platform/db/database';

export interface VersionRow {
  version: number;
  action: string;
  comment: string | null;
  title: string;
  body_html: string;
  body_text: string;
  category_id: string | null;
  tags: string[];
  audience: string;
  organization_id: string | null;
  state: string;
  author_id: string | null;
  author_name: string;
  created_at: Date;
}

const COLUMNS = 'version, action, comment, title, body_html, body_text, category_id, tags, audience, organization_id, state, author_id, author_name, created_at';

export const versionRepository = {
  async insert(q: Queryable, v: VersionRow & { id: string; tenant_id: string; article_id: string }): Promise<void> {
    await q.query(
      `INSERT INTO kb_article_versions (id, tenant_id, article_id, ${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [v.id, v.tenant_id, v.article_id, v.version, v.action, v.comment, v.title, v.body_html, v.body_text, v.category_id, v.tags, v.audience, v.organization_id, v.state, v.author_id, v.author_name, v.created_at],
    );
  },
  /** Newest first, without the bodies. */
  async list(q: Queryable, articleId: string): Promise<VersionRow[]> {
    return q.query<VersionRow>(`SELECT ${COLUMNS.replace('body_html, body_text', `'' AS body_html, '' AS body_text`)} FROM kb_article_versions WHERE article_id = $1 ORDER BY version DESC`, [articleId]);
  },
  async byVersion(q: Queryable, articleId: string, versions: number[]): Promise<VersionRow[]> {
    return q.query<VersionRow>(`SELECT ${COLUMNS} FROM kb_article_versions WHERE article_id = $1 AND version = ANY($2::int[])`, [articleId, versions]);
  },
};
