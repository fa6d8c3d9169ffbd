import type { Queryable } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { articleRepository, type ArticlePatch, type ArticleRow } from './article-repository';
import { assertMayAct, nextState, type WorkflowAction } from './article-rules';
import { saveArticle } from './save-article';

/** One step of the review workflow on a locked article: checked, saved as a version, the index kept in step. */
export async function workflowStep(
  q: Queryable,
  actor: Actor,
  id: string,
  action: WorkflowAction,
  at: Date,
  extra: (a: ArticleRow) => Omit<ArticlePatch, 'version' | 'updated_at' | 'state'>,
  comment: string | null,
): Promise<ArticleRow> {
  const a = await articleRepository.byId(q, id, { forUpdate: true });
  if (!a) throw notFound('Article');
  const state = nextState(a.state, action);
  assertMayAct(actor, a, action);
  const past = { submit: 'submitted', approve: 'approved', reject: 'rejected', retire: 'retired' }[action];
  return saveArticle(q, actor, a, { ...extra(a), state }, at, past, comment);
}
