import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { SEARCH_READERS } from './access';
import { searchArticles } from './search-articles';

/** GET /api/v1/kb/search: staff search the knowledge base (all audiences unless they ask for the public view). */
export async function searchKb(
  deps: Deps,
  actor: Actor,
  query: { q: string; categoryId?: string; audience: 'public' | 'internal'; organizationId?: string; limit: number; offset: number },
) {
  requireRole(actor, SEARCH_READERS);
  const res = await deps.db.tenant(actor.tenantId, (q) =>
    searchArticles(q, { query: query.q, audience: query.audience, organizationId: query.organizationId ?? null, categoryId: query.categoryId ?? null, limit: query.limit, offset: query.offset }),
  );
  return { ...res, hits: res.hits.map((h) => ({ ...h, updatedAt: h.updatedAt.toISOString() })) };
}
