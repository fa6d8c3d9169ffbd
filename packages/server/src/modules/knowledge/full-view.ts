import type { Queryable } from '../../platform/db/database';
import type { ArticleRow } from './article-repository';
import { toArticleView, type ArticleView } from './article-view';
import { linkRepository } from './link-repository';
import { reviewAfterDays } from './review-period';

/** An article as the API answers it: with its due-for-review flag and linked tickets, read in the caller's transaction. */
export async function fullView(q: Queryable, a: ArticleRow, now: Date): Promise<ArticleView> {
  const tickets = await linkRepository.ticketsOf(q, a.id);
  return toArticleView(a, now, await reviewAfterDays(q), tickets.map((t) => t.ticket_id));
}
