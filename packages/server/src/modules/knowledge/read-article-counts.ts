import type { Queryable } from '../../platform/db/database';
import { ARTICLE_STATES, type ArticleState } from './article-rules';
import { articleRepository } from './article-repository';

/** The tenant's articles by workflow state, every state present (0 when none), in the caller's tenant transaction. */
export async function articleCountsByState(q: Queryable): Promise<Record<ArticleState, number>> {
  const counts = await articleRepository.countsByState(q);
  return Object.fromEntries(ARTICLE_STATES.map((s) => [s, counts[s] ?? 0])) as Record<ArticleState, number>;
}
