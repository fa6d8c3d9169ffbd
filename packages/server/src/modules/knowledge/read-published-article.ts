import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import { AppError, notFound } from '../../platform/errors';
import { articleRepository } from './article-repository';
import { visibleTo } from './article-rules';
import { categoryRepository } from './category-repository';
import { ratingRepository } from './rating-repository';
import { syncSearchRatings } from './search-index';

// What the portal and the agent suggestions read and record, in the caller's transaction (the tenant is set).

export interface Reader {
  audience: 'public' | 'internal';
  /** a signed-in customer's organization: its organization-only articles are visible too */
  organizationId?: string | null;
}

export interface PublishedArticle {
  id: string;
  title: string;
  bodyHtml: string;
  bodyText: string;
  categoryId: string | null;
  tags: string[];
  audience: 'public' | 'internal' | 'organization';
  files: { id: string; filename: string; contentType: string; size: number }[];
  helpful: number;
  notHelpful: number;
  views: number;
  updatedAt: Date;
  publishedAt: Date | null;
}

/** A published article the reader may see, or undefined (drafts, retired and others' articles are not found). */
export async function readPublishedArticle(q: Queryable, input: Reader & { articleId: string }): Promise<PublishedArticle | undefined> {
  const a = await articleRepository.byId(q, input.articleId);
  if (!a || a.state !== 'published' || !visibleTo(a, input)) return undefined;
  return {
    id: a.id,
    title: a.title,
    bodyHtml: a.body_html,
    bodyText: a.body_text,
    categoryId: a.category_id,
    tags: a.tags,
    audience: a.audience,
    files: a.files.map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, size: f.size })),
    helpful: a.helpful,
    notHelpful: a.not_helpful,
    views: a.views,
    updatedAt: a.content_updated_at,
    publishedAt: a.published_at,
  };
}

/** Counts one view of a published article; false when there is no such published article. */
export function recordArticleView(q: Queryable, input: { articleId: string }): Promise<boolean> {
  return articleRepository.countView(q, input.articleId);
}

/**
 * A helpful / not-helpful rating of a published article with an optional comment (≤ 2,000 characters),
 * by a staff member, a customer contact or an anonymous portal reader. Answers the new totals.
 */
export async function rateArticle(
  q: Queryable,
  input: { tenantId: string; articleId: string; helpful: boolean; comment?: string; userId?: string | null; contactId?: string | null; at: Date },
): Promise<{ helpful: number; notHelpful: number }> {
  const comment = (input.comment ?? '').trim();
  if (comment.length > 2000) throw new AppError('VALIDATION_FAILED', 'The comment is longer than 2,000 characters', { field: 'comment', details: [{ field: 'comment', code: 'too_long', message: 'Shorten the comment to 2,000 characters' }] });
  const totals = await articleRepository.countRating(q, input.articleId, input.helpful);
  if (!totals) throw notFound('Article');
  await ratingRepository.insert(q, {
    id: uuidv7(input.at.getTime()),
    tenant_id: input.tenantId,
    article_id: input.articleId,
    helpful: input.helpful,
    comment,
    user_id: input.userId ?? null,
    contact_id: input.contactId ?? null,
    created_at: input.at,
  });
  await syncSearchRatings(q, input.articleId, totals.helpful, totals.not_helpful);
  return { helpful: totals.helpful, notHelpful: totals.not_helpful };
}

/** The knowledge categories in the tenant's order, with how many published articles the reader may see in each. */
export async function listKbCategories(q: Queryable, reader: Reader = { audience: 'public' }) {
  const rows = await categoryRepository.list(q, { audience: reader.audience, organizationId: reader.organizationId ?? null });
  return rows.map((c) => ({ id: c.id, name: c.name, description: c.description, position: c.position, publishedCount: c.published }));
}
