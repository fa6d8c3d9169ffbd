import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { KB_READERS } from './access';
import { articleRepository } from './article-repository';
import { rateArticle } from './read-published-article';
import { ratingRepository } from './rating-repository';

/** A staff member rates a published article (helpful or not, with a comment). */
export async function rateArticleAsStaff(deps: Deps, actor: Actor, id: string, input: { helpful: boolean; comment?: string }) {
  requireRole(actor, KB_READERS);
  const at = deps.clock.now();
  return deps.db.tenant(actor.tenantId, (q) =>
    rateArticle(q, { tenantId: actor.tenantId, articleId: id, helpful: input.helpful, comment: input.comment, userId: actor.type === 'user' ? actor.id : null, at }),
  );
}

/** The newest ratings of an article with their comments (staff). */
export async function listRatings(deps: Deps, actor: Actor, id: string, limit = 100) {
  requireRole(actor, KB_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await articleRepository.byId(q, id))) throw notFound('Article');
    const rows = await ratingRepository.list(q, id, limit);
    return { items: rows.map((r) => ({ id: r.id, helpful: r.helpful, comment: r.comment, userId: r.user_id, contactId: r.contact_id, createdAt: r.created_at.toISOString() })) };
  });
}
