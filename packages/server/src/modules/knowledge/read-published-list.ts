import type { Queryable } from '../../platform/db/database';
import type { Reader } from './read-published-article';
import { publishedListRepository } from './published-list-repository';

/** The published articles the reader may see (of one category, or all), most read first: the portal's FAQ. */
export async function listPublishedArticles(q: Queryable, input: Reader & { categoryId?: string | null; limit?: number }) {
  const rows = await publishedListRepository.list(q, { public: input.audience === 'public', organizationId: input.organizationId ?? null, categoryId: input.categoryId ?? null, limit: Math.min(100, Math.max(1, input.limit ?? 20)) });
  return rows.map((r) => ({ id: r.id, title: r.title, categoryId: r.category_id, views: Number(r.views), helpful: Number(r.helpful) }));
}
