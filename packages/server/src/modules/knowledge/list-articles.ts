import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { KB_READERS } from './access';
import { articleRepository } from './article-repository';
import { reviewCutoff, type ArticleState, type Audience } from './article-rules';
import { toArticleListItem, type ArticleListItem } from './article-view';
import { reviewAfterDays } from './review-period';

export interface ListArticlesInput {
  state?: ArticleState;
  categoryId?: string;
  audience?: Audience;
  dueForReview?: boolean;
  /** 'me': the articles waiting for the actor's review */
  reviewer?: 'me';
  author?: 'me';
  tag?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** Articles newest change first, filtered (staff); `q` finds a part of the title or text (the ranked search is GET /kb/search). */
export async function listArticles(deps: Deps, actor: Actor, f: ListArticlesInput): Promise<{ items: ArticleListItem[]; total: number }> {
  requireRole(actor, KB_READERS);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const days = await reviewAfterDays(q);
    const me = actor.id ?? '00000000-0000-0000-0000-000000000000';
    const { rows, total } = await articleRepository.list(q, {
      state: f.reviewer === 'me' ? 'in_review' : f.state,
      categoryId: f.categoryId,
      audience: f.audience,
      dueBefore: f.dueForReview ? reviewCutoff(now, days) : undefined,
      reviewerId: f.reviewer === 'me' ? me : undefined,
      authorId: f.author === 'me' ? me : undefined,
      tag: f.tag?.trim() || undefined,
      q: f.q?.trim() || undefined,
      limit: f.limit,
      offset: f.offset,
    });
    return { items: rows.map((r) => toArticleListItem(r, now, days)), total };
  });
}
