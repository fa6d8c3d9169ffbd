import type { Deps } from '../platform/deps';
import type { Actor } from '../modules/identity';
import { approveArticle, createArticle, createKbCategory, listKbCategories, submitArticle } from '../modules/knowledge';
import { KB_ARTICLES, KB_CATEGORIES } from './demo-knowledge-data';

/**
 * The demo's knowledge base: categories and published articles, each written by the admin and approved
 * by the named reviewer (a supervisor). Nothing is added to a tenant that already has knowledge categories.
 */
export async function createDemoKnowledge(deps: Deps, admin: Actor, reviewer: Actor): Promise<number> {
  if ((await deps.db.tenant(admin.tenantId, (q) => listKbCategories(q, { audience: 'internal' }))).length) return 0;
  const ids = new Map<string, string>();
  for (const [i, name] of KB_CATEGORIES.entries()) ids.set(name, (await createKbCategory(deps, admin, { name, position: i })).id);
  for (const a of KB_ARTICLES) {
    const draft = await createArticle(deps, admin, { title: a.title, bodyHtml: a.body, categoryId: ids.get(a.category)!, tags: a.tags, audience: a.audience ?? 'public' });
    await submitArticle(deps, admin, draft.id, { reviewerIds: [reviewer.id!] });
    await approveArticle(deps, reviewer, draft.id);
  }
  return KB_ARTICLES.length;
}
