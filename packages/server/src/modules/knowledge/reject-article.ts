import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { KB_REVIEWER_ROLES } from './access';
import type { ArticleView } from './article-view';
import { fullView } from './full-view';
import { workflowStep } from './workflow-step';

/** A named reviewer (or an admin) sends the article back to its author as a draft, saying why. */
export async function rejectArticle(deps: Deps, actor: Actor, id: string, input: { comment: string }): Promise<ArticleView> {
  requireRole(actor, KB_REVIEWER_ROLES);
  const comment = input.comment.trim();
  if (!comment) throw invalid('comment', 'Say what the author should change', 'required');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await workflowStep(q, actor, id, 'reject', now, () => ({ reviewed_by: actor.id, review_comment: comment }), comment);
    return fullView(q, row, now);
  });
}
