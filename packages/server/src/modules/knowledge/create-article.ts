import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { KB_WRITERS } from './access';
import { checkArticleRefs } from './article-checks';
import { articleRepository, type ArticleRow } from './article-repository';
import { articleBody, articleTags, audienceOrganization, type Audience } from './article-rules';
import type { ArticleView } from './article-view';
import { fullView } from './full-view';
import { recordVersion } from './save-article';
import type { Queryable } from '../../platform/db/database';

export interface ArticleInput {
  title: string;
  bodyHtml: string;
  categoryId?: string | null;
  tags?: string[];
  audience?: Audience;
  organizationId?: string | null;
}

/** Writes a new draft (agents, supervisors, admins); version 1 of it is kept. */
export async function createArticle(deps: Deps, actor: Actor, input: ArticleInput): Promise<ArticleView> {
  requireRole(actor, KB_WRITERS);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await insertDraft(q, actor, input, now);
    return fullView(q, row, now);
  });
}

/** A draft in the caller's transaction (also what a ticket's "turn into an article" starts from). */
export async function insertDraft(q: Queryable, actor: Actor, input: ArticleInput, now: Date): Promise<ArticleRow> {
  const body = articleBody(input.bodyHtml);
  const audience = input.audience ?? 'internal';
  const organizationId = audienceOrganization(audience, input.organizationId);
  await checkArticleRefs(q, { categoryId: input.categoryId, organizationId });
  const row = await articleRepository.insert(q, {
    id: uuidv7(now.getTime()),
    tenant_id: actor.tenantId,
    title: input.title.trim(),
    body_html: body.html,
    body_text: body.text,
    category_id: input.categoryId ?? null,
    tags: articleTags(input.tags ?? []),
    audience,
    organization_id: organizationId,
    state: 'draft',
    version: 1,
    author_id: actor.type === 'user' ? actor.id : null,
    reviewer_ids: [],
    created_at: now,
    content_updated_at: now,
    updated_at: now,
  });
  await recordVersion(q, actor, row, 'created', null, now);
  return row;
}
