import type { Queryable } from '../../platform/db/database';

// The only SQL on kb_search_docs, kb_search_links and kb_search_terms (and the search's one read of
// kb_synonyms, beside the term counts). Queries run in the caller's tenant transaction (RLS keeps them
// to the tenant).

export interface StoredDoc {
  article_id: string;
  tenant_id: string;
  title: string;
  body: string;
  tags: string[];
  category_id: string | null;
  audience: 'public' | 'internal' | 'organization';
  organization_id: string | null;
  updated_at: Date;
  helpful: number;
  not_helpful: number;
  terms: string[];
  body_length: number;
  link_length: number;
}

/** What ranking reads of a candidate: its tokens and lengths, not its body text (read for the page's hits only). */
export interface CandidateRow {
  article_id: string;
  title: string;
  tags: string[];
  category_id: string | null;
  updated_at: Date;
  helpful: number;
  not_helpful: number;
  title_tokens: string;
  tag_tokens: string;
  body_tokens: string;
  link_tokens: string;
  body_length: number;
  link_length: number;
}

export interface DocWrite {
  tenantId: string;
  articleId: string;
  title: string;
  body: string;
  tags: string[];
  categoryId: string | null;
  audience: string;
  organizationId: string | null;
  updatedAt: Date;
  helpful: number;
  notHelpful: number;
  titleTokens: string;
  tagTokens: string;
  bodyTokens: string;
  linkTokens: string;
  terms: string[];
  bodyLength: number;
  linkLength: number;
}

export interface Filters {
  public: boolean;
  organizationId: string | null;
  categoryId: string | null;
}

const DOC_COLUMNS = `article_id, tenant_id, title, body, tags, category_id, audience, organization_id, updated_at, helpful, not_helpful, terms, body_length, link_length`;
const CANDIDATE_COLUMNS = `article_id, title, tags, category_id, updated_at, helpful, not_helpful, title_tokens, tag_tokens, body_tokens, link_tokens, body_length, link_length`;
// $2 public only, $3 organization, $4 category
const FILTER = `($2::boolean = false OR audience = 'public' OR (audience = 'organization' AND organization_id = $3::uuid))
  AND ($4::uuid IS NULL OR category_id = $4::uuid)`;

export const searchRepository = {
  async doc(q: Queryable, articleId: string, lock = false): Promise<StoredDoc | undefined> {
    const [row] = await q.query<StoredDoc>(`SELECT ${DOC_COLUMNS} FROM kb_search_docs WHERE article_id = $1${lock ? ' FOR UPDATE' : ''}`, [articleId]);
    return row;
  },
  async docs(q: Queryable, articleIds: string[], lock = false): Promise<StoredDoc[]> {
    return q.query<StoredDoc>(`SELECT ${DOC_COLUMNS} FROM kb_search_docs WHERE article_id = ANY($1::uuid[]) ORDER BY article_id${lock ? ' FOR UPDATE' : ''}`, [articleIds]);
  },
  /** The body texts of the given articles (the page's hits, for their snippets). */
  async bodies(q: Queryable, articleIds: string[]): Promise<Map<string, string>> {
    const rows = await q.query<{ article_id: string; body: string }>('SELECT article_id, body FROM kb_search_docs WHERE article_id = ANY($1::uuid[])', [articleIds]);
    return new Map(rows.map((r) => [r.article_id, r.body]));
  },
  async linkTextsOf(q: Queryable, articleIds: string[]): Promise<Map<string, string[]>> {
    const rows = await q.query<{ article_id: string; text: string }>(
      'SELECT article_id, text FROM kb_search_links WHERE article_id = ANY($1::uuid[]) ORDER BY created_at, id',
      [articleIds],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.article_id, [...(out.get(r.article_id) ?? []), r.text]);
    return out;
  },
  async insertLink(q: Queryable, l: { id: string; articleId: string; text: string; createdAt: Date }): Promise<void> {
    await q.query('INSERT INTO kb_search_links (id, tenant_id, article_id, text, created_at) VALUES ($1, current_tenant_id(), $2, $3, $4)', [l.id, l.articleId, l.text, l.createdAt]);
  },
  /**
   * Inserts or replaces documents: their texts in kb_search_docs, their filters and vectors in
   * kb_search_rank (two statements; an article of another tenant is never overwritten).
   */
  async upsert(q: Queryable, ds: DocWrite[]): Promise<void> {
    const col = <K extends keyof DocWrite>(k: K) => ds.map((d) => d[k]);
    await q.query(
      `INSERT INTO kb_search_docs (article_id, tenant_id, title, body, tags, category_id, audience, organization_id, updated_at, helpful, not_helpful,
         title_tokens, tag_tokens, body_tokens, link_tokens, terms, body_length, link_length)
       SELECT x.article_id, x.tenant_id, x.title, x.body, string_to_array(x.tags, E'\\x1f'), x.category_id, x.audience, x.organization_id, x.updated_at,
         x.helpful, x.not_helpful, x.title_tokens, x.tag_tokens, x.body_tokens, x.link_tokens, string_to_array(x.terms, ' '), x.body_length, x.link_length
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::uuid[], $9::timestamptz[], $10::int[], $11::int[],
         $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::int[], $18::int[])
         AS x(article_id, tenant_id, title, body, tags, category_id, audience, organization_id, updated_at, helpful, not_helpful,
           title_tokens, tag_tokens, body_tokens, link_tokens, terms, body_length, link_length)
       ON CONFLICT (article_id) DO UPDATE SET title = excluded.title, body = excluded.body, tags = excluded.tags,
         category_id = excluded.category_id, audience = excluded.audience, organization_id = excluded.organization_id,
         updated_at = excluded.updated_at, helpful = excluded.helpful, not_helpful = excluded.not_helpful,
         title_tokens = excluded.title_tokens, tag_tokens = excluded.tag_tokens, body_tokens = excluded.body_tokens,
         link_tokens = excluded.link_tokens, terms = excluded.terms, body_length = excluded.body_length, link_length = excluded.link_length
       WHERE kb_search_docs.tenant_id = excluded.tenant_id`,
      [col('articleId'), col('tenantId'), col('title'), col('body'), ds.map((d) => d.tags.join('\x1f')), col('categoryId'), col('audience'), col('organizationId'),
        col('updatedAt'), col('helpful'), col('notHelpful'), col('titleTokens'), col('tagTokens'), col('bodyTokens'), col('linkTokens'),
        ds.map((d) => d.terms.join(' ')), col('bodyLength'), col('linkLength')],
    );
    await q.query(
      `INSERT INTO kb_search_rank (article_id, tenant_id, category_id, audience, organization_id, prior, updated_at, head_tsv, tsv)
       SELECT x.article_id, x.tenant_id, x.category_id, x.audience, x.organization_id, x.prior, x.updated_at,
         setweight(to_tsvector('simple', x.title_tokens), 'A') || setweight(to_tsvector('simple', x.tag_tokens), 'B'),
         setweight(to_tsvector('simple', x.title_tokens), 'A') || setweight(to_tsvector('simple', x.tag_tokens), 'B')
           || setweight(to_tsvector('simple', x.body_tokens), 'C') || setweight(to_tsvector('simple', x.link_tokens), 'D')
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::int[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::text[])
         AS x(article_id, tenant_id, category_id, audience, organization_id, prior, updated_at, title_tokens, tag_tokens, body_tokens, link_tokens)
       ON CONFLICT (article_id) DO UPDATE SET category_id = excluded.category_id, audience = excluded.audience, organization_id = excluded.organization_id,
         prior = excluded.prior, updated_at = excluded.updated_at, head_tsv = excluded.head_tsv, tsv = excluded.tsv
       WHERE kb_search_rank.tenant_id = excluded.tenant_id`,
      [col('articleId'), col('tenantId'), col('categoryId'), col('audience'), col('organizationId'), ds.map((d) => d.helpful - d.notHelpful), col('updatedAt'),
        col('titleTokens'), col('tagTokens'), col('bodyTokens'), col('linkTokens')],
    );
  },
  /** Sets an indexed article's rating counts; false when it is not in the index. */
  async setRatings(q: Queryable, articleId: string, helpful: number, notHelpful: number): Promise<boolean> {
    await q.query('UPDATE kb_search_rank SET prior = $2 WHERE article_id = $1', [articleId, helpful - notHelpful]);
    return (await q.query('UPDATE kb_search_docs SET helpful = $2, not_helpful = $3 WHERE article_id = $1 RETURNING article_id', [articleId, helpful, notHelpful])).length > 0;
  },
  async delete(q: Queryable, articleId: string): Promise<StoredDoc | undefined> {
    await q.query('DELETE FROM kb_search_rank WHERE article_id = $1', [articleId]);
    const [row] = await q.query<StoredDoc>(`DELETE FROM kb_search_docs WHERE article_id = $1 RETURNING ${DOC_COLUMNS}`, [articleId]);
    return row;
  },
  /** Adds deltas to the tenant's term counts (terms sorted, so concurrent writers lock rows in one order). */
  async addTermCounts(q: Queryable, tenantId: string, deltas: Map<string, number>): Promise<void> {
    const terms = [...deltas.keys()].filter((t) => deltas.get(t) !== 0).sort();
    if (terms.length === 0) return;
    await q.query(
      `INSERT INTO kb_search_terms (tenant_id, term, df) SELECT $1, t, d FROM unnest($2::text[], $3::bigint[]) AS x(t, d)
       ON CONFLICT (tenant_id, term) DO UPDATE SET df = kb_search_terms.df + excluded.df`,
      [tenantId, terms, terms.map((t) => deltas.get(t))],
    );
  },
  /** Document frequencies of the terms (absent ones are left out). */
  async termCounts(q: Queryable, terms: string[]): Promise<Map<string, number>> {
    const rows = await q.query<{ term: string; df: string }>(
      'SELECT term, df FROM kb_search_terms WHERE tenant_id = current_tenant_id() AND term = ANY($1::text[]) AND df > 0',
      [terms],
    );
    return new Map(rows.map((r) => [r.term, Number(r.df)]));
  },
  /**
   * A search's first round trip: the tenant's synonym rules (ordered as synonymRepository.list orders
   * them) and the document frequencies of the terms (absent ones left out).
   */
  async rulesAndCounts(q: Queryable, terms: string[]): Promise<{ rules: { term: string; synonyms: string[] }[]; counts: Map<string, number> }> {
    const rows = await q.query<{ rule: boolean; term: string; synonyms: string[] | null; df: string | null }>(
      `SELECT true AS rule, term, synonyms, NULL::bigint AS df, lower(term) AS sort, id FROM kb_synonyms WHERE tenant_id = current_tenant_id()
       UNION ALL
       SELECT false, term, NULL, df, NULL, NULL FROM kb_search_terms WHERE tenant_id = current_tenant_id() AND term = ANY($1::text[]) AND df > 0
       ORDER BY 1 DESC, 5, 6`,
      [terms],
    );
    const rules: { term: string; synonyms: string[] }[] = [];
    const counts = new Map<string, number>();
    for (const r of rows) {
      if (r.rule) rules.push({ term: r.term, synonyms: r.synonyms ?? [] });
      else counts.set(r.term, Number(r.df));
    }
    return { rules, counts };
  },
  /**
   * Candidates for a tsquery, for the ranker to order: the GIN index finds the matches in the narrow
   * kb_search_rank (no tsvector is read for that); when there are more than `limit`, those matching in
   * title or tags come first (ts_rank on the small head vector), then the best rated, then the newest.
   * Only the chosen ones' tokens are read from kb_search_docs (their bodies only for the page: `bodies`).
   */
  async candidates(q: Queryable, tsquery: string, f: Filters, limit: number): Promise<CandidateRow[]> {
    return q.query<CandidateRow>(
      `SELECT ${CANDIDATE_COLUMNS} FROM kb_search_docs WHERE article_id IN (
         SELECT article_id FROM kb_search_rank WHERE tsv @@ to_tsquery('simple', $1) AND ${FILTER}
         ORDER BY ts_rank(head_tsv, to_tsquery('simple', $1)) DESC, prior DESC, updated_at DESC, article_id LIMIT $5)`,
      [tsquery, f.public, f.organizationId, f.categoryId, limit],
    );
  },
};
