import type { Queryable } from '../../platform/db/database';
import { BODY_TOKENS_TERM, DOCS_TERM, LINK_TOKENS_TERM, TITLE_TOKENS_TERM } from './corpus-stats';
import { distinctTerms, docFields, joinTokens, tokensOf } from './doc-terms';
import { hanGrams } from './han-grams';
import { searchRepository, type DocWrite, type StoredDoc } from './search-repository';
import type { SearchDoc } from './search-types';

/**
 * Makes an article searchable, or refreshes it (upsert), in the caller's transaction: segments its
 * fields, adds the texts of the questions linked to it, and moves the tenant's term counts.
 */
export async function indexArticle(q: Queryable, doc: SearchDoc): Promise<void> {
  await indexArticles(q, [doc]);
}

/** indexArticle for many articles of one tenant at once (a re-index, an import): one statement per table. */
export async function indexArticles(q: Queryable, docs: SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const unique = [...new Map(docs.map((d) => [d.articleId, d])).values()];
  const ids = unique.map((d) => d.articleId);
  const old = await searchRepository.docs(q, ids, true);
  const links = await searchRepository.linkTextsOf(q, ids);
  const deltas = new Map<string, number>();
  for (const o of old) subtract(deltas, o);
  const writes: DocWrite[] = unique.map((doc) => {
    const fields = docFields(doc, links.get(doc.articleId) ?? []);
    const terms = distinctTerms(fields);
    add(deltas, terms, { title: { length: fields.title.length + fields.titleGrams.length }, body: fields.body, links: fields.links }, 1);
    return {
      tenantId: doc.tenantId,
      articleId: doc.articleId,
      title: doc.title,
      body: doc.text,
      tags: doc.tags,
      categoryId: doc.categoryId,
      audience: doc.audience,
      organizationId: doc.organizationId,
      updatedAt: doc.updatedAt,
      helpful: doc.helpful,
      notHelpful: doc.notHelpful,
      titleTokens: joinTokens(fields.title),
      tagTokens: joinTokens(fields.tags),
      bodyTokens: joinTokens(fields.body),
      linkTokens: joinTokens(fields.links),
      terms,
      bodyLength: fields.body.length,
      linkLength: fields.links.length,
    };
  });
  await searchRepository.upsert(q, writes);
  await searchRepository.addTermCounts(q, unique[0].tenantId, deltas);
}

/** Takes an article out of search (retired or deleted); nothing happens when it was not in. */
export async function removeArticle(q: Queryable, articleId: string): Promise<void> {
  const old = await searchRepository.delete(q, articleId);
  if (!old) return;
  const deltas = new Map<string, number>();
  subtract(deltas, old);
  await searchRepository.addTermCounts(q, old.tenant_id, deltas);
}

type Lengths = { title: { length: number }; body: { length: number }; links: { length: number } };

function add(deltas: Map<string, number>, terms: string[], f: Lengths, sign: 1 | -1) {
  const bump = (k: string, by: number) => deltas.set(k, (deltas.get(k) ?? 0) + by);
  for (const t of terms) bump(t, sign);
  bump(DOCS_TERM, sign);
  bump(TITLE_TOKENS_TERM, sign * f.title.length);
  bump(BODY_TOKENS_TERM, sign * f.body.length);
  bump(LINK_TOKENS_TERM, sign * f.links.length);
}

function subtract(deltas: Map<string, number>, old: StoredDoc) {
  add(deltas, old.terms, { title: { length: tokensOf(old.title).length + hanGrams(old.title).length }, body: { length: old.body_length }, links: { length: old.link_length } }, -1);
}
