import type { Queryable } from '../../platform/db/database';
import { searchRepository } from './search-repository';

/**
 * Refreshes an indexed article's helpful / not-helpful counts (a small ranking bonus) after a rating, in
 * the caller's transaction, without segmenting it again; nothing happens when the article is not indexed.
 */
export async function updateArticleRatings(q: Queryable, input: { articleId: string; helpful: number; notHelpful: number }): Promise<void> {
  await searchRepository.setRatings(q, input.articleId, input.helpful, input.notHelpful);
}
