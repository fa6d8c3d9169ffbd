import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import { indexArticle } from './index-article';
import { searchRepository } from './search-repository';

/**
 * Records that a question (a ticket's or a customer's text) was solved by the article: its words
 * become extra terms of the article, now if it is indexed, or when it is. In the caller's transaction.
 */
export async function linkQuestion(q: Queryable, input: { articleId: string; text: string; at?: Date }): Promise<void> {
  const text = input.text.trim().slice(0, 2000);
  if (!text) return;
  const at = input.at ?? new Date();
  await searchRepository.insertLink(q, { id: uuidv7(at.getTime()), articleId: input.articleId, text, createdAt: at });
  const doc = await searchRepository.doc(q, input.articleId, true);
  if (!doc) return;
  await indexArticle(q, {
    tenantId: doc.tenant_id,
    articleId: doc.article_id,
    title: doc.title,
    text: doc.body,
    tags: doc.tags,
    categoryId: doc.category_id,
    audience: doc.audience,
    organizationId: doc.organization_id,
    updatedAt: doc.updated_at,
    helpful: doc.helpful,
    notHelpful: doc.not_helpful,
  });
}
