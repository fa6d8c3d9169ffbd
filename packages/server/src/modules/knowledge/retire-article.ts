import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { KB_WRITERS } from './access';
import type { ArticleView } from './article-view';
import { fullView } from './full-view';
import { workflowStep } from './workflow-step';

/** The author, a supervisor or an admin retires an article: out of search in the same transaction, kept with its history. */
export async function retireArticle(deps: Deps, actor: Actor, id: string, input: { comment?: string } = {}): Promise<ArticleView> {
  requireRole(actor, KB_WRITERS);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await workflowStep(q, actor, id, 'retire', now, () => ({ retired_at: now }), input.comment?.trim() || null);
    return fullView(q, row, now);
  });
}
