import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { KB_REVIEWER_ROLES } from './access';
import type { ArticleView } from './article-view';
import { fullView } from './full-view';
import { linkSourceQuestions } from './link-source-questions';
import { workflowStep } from './workflow-step';

/** A named reviewer (or an admin) publishes the article: indexed for search in the same transaction. */
export async function approveArticle(deps: Deps, actor: Actor, id: string, input: { comment?: string } = {}): Promise<ArticleView> {
  requireRole(actor, KB_REVIEWER_ROLES);
  const now = deps.clock.now();
  const comment = input.comment?.trim() || null;
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await workflowStep(q, actor, id, 'approve', now, () => ({ reviewed_by: actor.id, review_comment: comment, published_at: now, retired_at: null }), comment);
    await linkSourceQuestions(q, row.id, now);
    return fullView(q, row, now);
  });
}
