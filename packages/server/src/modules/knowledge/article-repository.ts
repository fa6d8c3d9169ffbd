import type { Queryable } from '../../platform/db/database';
import { likePattern } from '../../platform/db/like-pattern';
import type { ArticleState, Audience } from './article-rules';

export interface ArticleFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  createdAt: string;
}

export interface ArticleRow {
  id: string;
  title: string;
  body_html: string;
  body_text: string;
  category_id: string | null;
  tags: string[];
  audience: Audience;
  organization_id: string | null;
  state: ArticleState;
  version: number;
  author_id: string | null;
  reviewer_ids: string[];
  review_comment: string | null;
  reviewed_by: string | null;
  files: ArticleFile[];
  helpful: number;
  not_helpful: number;
  views: number;
  created_at: Date;
  content_updated_at: Date;
  updated_at: Date;
  published_at: Date | null;
  retired_at: Date | null;
}

export type ArticleInsert = Omit<ArticleRow, 'helpful' | 'not_helpful' | 'views' | 'files' | 'review_comment' | 'reviewed_by' | 'published_at' | 'retired_at'> & { tenant_id: string };

const COLUMNS = `id, title, body_html, body_text, category_id, tags, audience, organization_id, state, version, author_id, reviewer_ids,
  review_comment, reviewed_by, files, helpful, not_helpful, views, created_at, content_updated_at, updated_at, published_at, retired_at`;
const LIST_COLUMNS = COLUMNS.replace('body_html, body_text', `'' AS body_html, left(body_text, 200) AS body_text`);

export interface ArticleFilter {
  state?: ArticleState;
  categoryId?: string;
  audience?: Audience;
  /** published and unchanged since this time */
  dueBefore?: Date;
  reviewerId?: string;
  authorId?: string;
  tag?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** The columns a change may set; content changes also move content_updated_at. */
export type ArticlePatch = Partial<Pick<ArticleRow, 'title' | 'body_html' | 'body_text' | 'category_id' | 'tags' | 'audience' | 'organization_id' | 'state' | 'reviewer_ids' | 'review_comment' | 'reviewed_by' | 'content_updated_at' | 'published_at' | 'retired_at'>> & { version: number; updated_at: Date };

export const articleRepository = {
  async insert(q: Queryable, a: ArticleInsert): Promise<ArticleRow> {
    const [row] = await q.query<ArticleRow>(
      `INSERT INTO kb_articles (id, tenant_id, title, body_html, body_text, category_id, tags, audience, organization_id, state, version, author_id,
         reviewer_ids, created_at, content_updated_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING ${COLUMNS}`,
      [a.id, a.tenant_id, a.title, a.body_html, a.body_text, a.category_id, a.tags, a.audience, a.organization_id, a.state, a.version, a.author_id, a.reviewer_ids, a.created_at, a.content_updated_at, a.updated_at],
    );
    return row;
  },
  async byId(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ArticleRow | undefined> {
    const [row] = await q.query<ArticleRow>(`SELECT ${COLUMNS} FROM kb_articles WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return row;
  },
  /** Newest change first; the body is left out and the text cut to a 200-character excerpt. */
  async list(q: Queryable, f: ArticleFilter): Promise<{ rows: ArticleRow[]; total: number }> {
    const where = `tenant_id = current_tenant_id() AND ($1::text IS NULL OR state = $1) AND ($2::uuid IS NULL OR category_id = $2)
      AND ($3::text IS NULL OR audience = $3) AND ($4::timestamptz IS NULL OR (state = 'published' AND content_updated_at <= $4))
      AND ($5::uuid IS NULL OR reviewer_ids @> ARRAY[$5::uuid]) AND ($6::uuid IS NULL OR author_id = $6)
      AND ($7::text IS NULL OR lower($7) = ANY (SELECT lower(x) FROM unnest(tags) x)) AND ($8::text IS NULL OR title ILIKE $8 OR body_text ILIKE $8)`;
    const args = [f.state ?? null, f.categoryId ?? null, f.audience ?? null, f.dueBefore ?? null, f.reviewerId ?? null, f.authorId ?? null, f.tag ?? null, f.q ? likePattern(f.q) : null];
    const rows = await q.query<ArticleRow>(`SELECT ${LIST_COLUMNS} FROM kb_articles WHERE ${where} ORDER BY updated_at DESC, id DESC LIMIT $9 OFFSET $10`, [...args, f.limit, f.offset]);
    const [{ n }] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM kb_articles WHERE ${where}`, args);
    return { rows, total: n };
  },
  async update(q: Queryable, id: string, p: ArticlePatch): Promise<ArticleRow> {
    const keys = Object.keys(p) as (keyof ArticlePatch)[];
    const sets = keys.map((k, i) => `${k} = $${i + 2}`);
    const [row] = await q.query<ArticleRow>(`UPDATE kb_articles SET ${sets.join(', ')} WHERE id = $1 RETURNING ${COLUMNS}`, [id, ...keys.map((k) => p[k])]);
    return row;
  },
  async setFiles(q: Queryable, id: string, files: ArticleFile[], at: Date): Promise<void> {
    await q.query(`UPDATE kb_articles SET files = $2::jsonb, updated_at = $3 WHERE id = $1`, [id, JSON.stringify(files), at]);
  },
  async countView(q: Queryable, id: string): Promise<boolean> {
    return (await q.query(`UPDATE kb_articles SET views = views + 1 WHERE id = $1 AND state = 'published' RETURNING id`, [id])).length > 0;
  },
  async countRating(q: Queryable, id: string, helpful: boolean): Promise<{ helpful: number; not_helpful: number } | undefined> {
    const [row] = await q.query<{ helpful: number; not_helpful: number }>(
      `UPDATE kb_articles SET helpful = helpful + $2::int, not_helpful = not_helpful + $3::int WHERE id = $1 AND state = 'published' RETURNING helpful, not_helpful`,
      [id, helpful ? 1 : 0, helpful ? 0 : 1],
    );
    return row;
  },
  /** Published articles' titles and texts (what the knowledge gaps are checked against), newest first. */
  async publishedTexts(q: Queryable, limit: number): Promise<{ id: string; text: string }[]> {
    return q.query<{ id: string; text: string }>(
      `SELECT id, title || ' ' || left(body_text, 4000) AS text FROM kb_articles WHERE tenant_id = current_tenant_id() AND state = 'published' ORDER BY updated_at DESC LIMIT $1`,
      [limit],
    );
  },
  async countsByState(q: Queryable): Promise<Record<string, number>> {
    const rows = await q.query<{ state: string; n: number }>(`SELECT state, count(*)::int AS n FROM kb_articles WHERE tenant_id = current_tenant_id() GROUP BY state`);
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  },
};
