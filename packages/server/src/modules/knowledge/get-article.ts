import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { KB_READERS } from './access';
import { articleRepository } from './article-repository';
import type { ArticleView } from './article-view';
import { fullView } from './full-view';

/** One article in any state, with its files and linked tickets (staff). */
export async function getArticle(deps: Deps, actor: Actor, id: string): Promise<ArticleView> {
  requireRole(actor, KB_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const a = await articleRepository.byId(q, id);
    if (!a) throw notFound('Article');
    return fullView(q, a, deps.clock.now());
  });
}
