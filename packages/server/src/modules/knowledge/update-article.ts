import type { Deps } from '../../platform/deps';
import { AppError, invalid, notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { KB_WRITERS } from './access';
import { checkArticleRefs } from './article-checks';
import { articleRepository, type ArticlePatch } from './article-repository';
import { articleBody, articleTags, assertMayEdit, audienceOrganization } from './article-rules';
import type { ArticleView } from './article-view';
import { fullView } from './full-view';
import type { ArticleInput } from './create-article';
import { saveArticle } from './save-article';

/**
 * Changes an article's content: a new version, and a published article is re-indexed at once. `version`
 * (optional) is the version the editor started from: a change made meanwhile answers CONFLICT.
 */
export async function updateArticle(deps: Deps, actor: Actor, id: string, input: Partial<ArticleInput> & { version?: number }): Promise<ArticleView> {
  requireRole(actor, KB_WRITERS);
  const { version, ...fields } = input;
  if (!Object.keys(fields).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const a = await articleRepository.byId(q, id, { forUpdate: true });
    if (!a) throw notFound('Article');
    assertMayEdit(actor, a);
    if (version !== undefined && version !== a.version) throw new AppError('CONFLICT', `The article was changed meanwhile (now version ${a.version}); reload it and apply your change again`, { field: 'version' });
    const patch: Omit<ArticlePatch, 'version' | 'updated_at'> = {};
    if (fields.title !== undefined) patch.title = fields.title.trim();
    if (fields.bodyHtml !== undefined) {
      const body = articleBody(fields.bodyHtml);
      patch.body_html = body.html;
      patch.body_text = body.text;
    }
    if (fields.categoryId !== undefined) patch.category_id = fields.categoryId;
    if (fields.tags !== undefined) patch.tags = articleTags(fields.tags);
    if (fields.audience !== undefined || fields.organizationId !== undefined) {
      const audience = fields.audience ?? a.audience;
      patch.audience = audience;
      patch.organization_id = audienceOrganization(audience, fields.organizationId === undefined ? a.organization_id : fields.organizationId);
    }
    await checkArticleRefs(q, { categoryId: patch.category_id, organizationId: patch.organization_id });
    patch.content_updated_at = now;
    const row = await saveArticle(q, actor, a, patch, now, 'edited');
    return fullView(q, row, now);
  });
}
