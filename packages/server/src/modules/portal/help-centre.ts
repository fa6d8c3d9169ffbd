import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { recordPortalEvent } from '../assist';
import { contactCard } from '../customers';
import { checkRate } from '../intake';
import { searchArticles } from '../kb-search';
import { listKbCategories, listPublishedArticles, rateArticle, readPublishedArticle, recordArticleView } from '../knowledge';
import { portalBySlug, type PortalContext } from './portal-context';
import { sessionContact } from './request-access';

// The help centre of the portal: search (kb-search, public audience), FAQ by knowledge category, the
// article page with its rating; every search, read and request begun is recorded for the deflection rate.

interface Visitor { sessionId?: string; sessionToken?: string }

/** The reader: public articles, plus those of the signed-in customer's organization. */
async function readerOf(deps: Deps, p: PortalContext, v: Visitor) {
  const contactId = await sessionContact(deps, p, v.sessionToken);
  const organizationId = contactId ? ((await deps.db.tenant(p.tenantId, (q) => contactCard(q, contactId)))?.organizationId ?? null) : null;
  return { audience: 'public' as const, organizationId, contactId: contactId ?? null };
}

/** GET /api/v1/portal/{slug}/help: categories with the most read articles, or search hits for q (recorded as a search unless `suggest`). */
export async function helpCentre(deps: Deps, slug: string, input: { q?: string; categoryId?: string; suggest?: boolean; limit?: number }, v: Visitor) {
  const p = await portalBySlug(deps, slug);
  const reader = await readerOf(deps, p, v);
  return deps.db.tenant(p.tenantId, async (q) => {
    const categories = (await listKbCategories(q, reader)).filter((c) => c.publishedCount > 0).map((c) => ({ id: c.id, name: c.name, description: c.description, count: c.publishedCount }));
    const query = input.q?.trim();
    if (!query) {
      const articles = await listPublishedArticles(q, { ...reader, categoryId: input.categoryId ?? null, limit: input.limit ?? 20 });
      return { categories, hits: articles.map((a) => ({ articleId: a.id, title: a.title, titleHtml: null, snippet: null, categoryId: a.categoryId })) };
    }
    const found = await searchArticles(q, { query, audience: 'public', organizationId: reader.organizationId, categoryId: input.categoryId ?? null, limit: input.limit ?? 10 });
    if (!input.suggest && v.sessionId) await recordPortalEvent(q, { tenantId: p.tenantId, sessionId: v.sessionId, kind: 'search', query, at: deps.clock.now() });
    return { categories, hits: found.hits.map((h) => ({ articleId: h.articleId, title: h.title, titleHtml: h.titleHtml, snippet: h.snippet, categoryId: h.categoryId })) };
  });
}

/** GET /api/v1/portal/{slug}/help/articles/{id}: a published article the visitor may read; counts a view and records the read. */
export async function helpArticle(deps: Deps, slug: string, articleId: string, v: Visitor) {
  const p = await portalBySlug(deps, slug);
  const reader = await readerOf(deps, p, v);
  return deps.db.tenant(p.tenantId, async (q) => {
    const a = await readPublishedArticle(q, { ...reader, articleId });
    if (!a) throw notFound('Article');
    await recordArticleView(q, { articleId });
    if (v.sessionId) await recordPortalEvent(q, { tenantId: p.tenantId, sessionId: v.sessionId, kind: 'article_view', articleId, at: deps.clock.now() });
    return { id: a.id, title: a.title, bodyHtml: a.bodyHtml, categoryId: a.categoryId, tags: a.tags, helpful: a.helpful, notHelpful: a.notHelpful, updatedAt: a.updatedAt.toISOString() };
  });
}

/** POST /api/v1/portal/{slug}/help/articles/{id}/rating: helpful or not, with a comment (rate-limited per client). */
export async function rateHelpArticle(deps: Deps, slug: string, articleId: string, input: { helpful: boolean; comment?: string }, v: Visitor & { ip: string }) {
  const p = await portalBySlug(deps, slug);
  await checkRate(deps, p.tenantId, 600, [{ bucket: `portal-rate:ip:${v.ip}`, limit: 30 }], 'ratings');
  const reader = await readerOf(deps, p, v);
  return deps.db.tenant(p.tenantId, async (q) => {
    if (!(await readPublishedArticle(q, { ...reader, articleId }))) throw notFound('Article');
    return rateArticle(q, { tenantId: p.tenantId, articleId, helpful: input.helpful, comment: input.comment, contactId: reader.contactId, at: deps.clock.now() });
  });
}

/** POST /api/v1/portal/{slug}/events: the visitor began a request (its form opened and typed in). */
export async function recordRequestStarted(deps: Deps, slug: string, sessionId: string): Promise<void> {
  const p = await portalBySlug(deps, slug);
  await deps.db.tenant(p.tenantId, (q) => recordPortalEvent(q, { tenantId: p.tenantId, sessionId, kind: 'request_started', at: deps.clock.now() }));
}

/** The visitor submitted a request (after submitRequest). */
export async function recordRequestSubmitted(deps: Deps, tenantId: string, sessionId: string): Promise<void> {
  await deps.db.tenant(tenantId, (q) => recordPortalEvent(q, { tenantId, sessionId, kind: 'request_submitted', at: deps.clock.now() }));
}
