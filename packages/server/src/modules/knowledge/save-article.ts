import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { articleRepository, type ArticlePatch, type ArticleRow } from './article-repository';
import { versionRepository } from './version-repository';
import { syncSearchIndex } from './search-index';

/** Every saved change of an article: the row, a version of it (who, when, what) and the search index, in one transaction. */
export async function saveArticle(
  q: Queryable,
  actor: Actor,
  before: ArticleRow,
  patch: Omit<ArticlePatch, 'version' | 'updated_at'>,
  at: Date,
  action: string,
  comment: string | null = null,
): Promise<ArticleRow> {
  const row = await articleRepository.update(q, before.id, { ...patch, version: before.version + 1, updated_at: at });
  await recordVersion(q, actor, row, action, comment, at);
  if (row.state === 'published' || before.state === 'published') await syncSearchIndex(q, actor.tenantId, row);
  return row;
}

export async function recordVersion(q: Queryable, actor: Actor, a: ArticleRow, action: string, comment: string | null, at: Date): Promise<void> {
  await versionRepository.insert(q, {
    id: uuidv7(at.getTime()),
    tenant_id: actor.tenantId,
    article_id: a.id,
    version: a.version,
    action,
    comment,
    title: a.title,
    body_html: a.body_html,
    body_text: a.body_text,
    category_id: a.category_id,
    tags: a.tags,
    audience: a.audience,
    organization_id: a.organization_id,
    state: a.state,
    author_id: actor.type === 'user' ? actor.id : null,
    author_name: actor.name,
    created_at: at,
  });
}
