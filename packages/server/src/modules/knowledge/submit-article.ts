import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { requireRole, usersByIds, type Actor } from '../identity';
import { KB_REVIEWER_ROLES, KB_WRITERS } from './access';
import { checkReviewers } from './article-rules';
import type { ArticleView } from './article-view';
import { fullView } from './full-view';
import { workflowStep } from './workflow-step';

/** Sends a draft for review to the named reviewers (active agents, supervisors or admins of the tenant). */
export async function submitArticle(deps: Deps, actor: Actor, id: string, input: { reviewerIds: string[]; comment?: string }): Promise<ArticleView> {
  requireRole(actor, KB_WRITERS);
  const reviewers = checkReviewers(actor, input.reviewerIds);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const found = await usersByIds(q, reviewers);
    for (const rid of reviewers) {
      const u = found.find((x) => x.id === rid);
      if (!u || !u.active || !KB_REVIEWER_ROLES.includes(u.role)) throw invalid('reviewerIds', `Reviewer ${rid} is not an active agent, supervisor or admin of this tenant`, 'not_staff', rid);
    }
    const row = await workflowStep(q, actor, id, 'submit', now, () => ({ reviewer_ids: reviewers, review_comment: null, reviewed_by: null }), input.comment?.trim() || null);
    return fullView(q, row, now);
  });
}
