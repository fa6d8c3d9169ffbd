import type { Queryable } from '../../platform/db/database';
import { indexArticle, linkQuestion, removeArticle, updateArticleRatings } from '../kb-search';
import type { ArticleRow } from './article-repository';

// The knowledge base keeps kb-search's index in step with what is published, in the same transaction:
// published (or changed while published) → indexed; retired → removed; a published article's source
// tickets → their text linked as questions it answers; a rating → its counts.

export async function syncSearchIndex(q: Queryable, tenantId: string, a: ArticleRow): Promise<void> {
  if (a.state !== 'published') return removeArticle(q, a.id);
  await indexArticle(q, {
    tenantId,
    articleId: a.id,
    title: a.title,
    text: a.body_text,
    tags: a.tags,
    categoryId: a.category_id,
    audience: a.audience,
    organizationId: a.organization_id,
    updatedAt: a.content_updated_at,
    helpful: a.helpful,
    notHelpful: a.not_helpful,
  });
}

/** A published article's new rating counts, for kb-search's ranking bonus. */
export function syncSearchRatings(q: Queryable, articleId: string, helpful: number, notHelpful: number): Promise<void> {
  return updateArticleRatings(q, { articleId, helpful, notHelpful });
}

export function linkQuestionText(q: Queryable, articleId: string, text: string, at: Date): Promise<void> {
  return linkQuestion(q, { articleId, text, at });
}
