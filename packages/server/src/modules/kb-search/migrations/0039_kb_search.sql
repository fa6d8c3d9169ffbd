-- Knowledge-base search: one row per searchable (published) article, written by the knowledge module
-- through kb-search's indexArticle in its own transaction. Text is segmented by jieba in the application
-- (platform/text/segment.ts); the tokens of each field are kept (space-separated) for the ranker and
-- as a weighted tsvector (title A, tags B, body C, linked questions D) for finding candidates.
-- article_id names the knowledge module's article; no foreign key, so the two modules stay apart.
CREATE TABLE kb_search_docs (
  article_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  title text NOT NULL,
  body text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  category_id uuid,
  audience text NOT NULL CHECK (audience IN ('public', 'internal', 'organization')),
  organization_id uuid,
  updated_at timestamptz NOT NULL,
  helpful integer NOT NULL DEFAULT 0,
  not_helpful integer NOT NULL DEFAULT 0,
  title_tokens text NOT NULL,
  tag_tokens text NOT NULL,
  body_tokens text NOT NULL,
  link_tokens text NOT NULL DEFAULT '',
  -- the distinct terms counted for this article in kb_search_terms (so a re-index moves the counts)
  terms text[] NOT NULL,
  body_length integer NOT NULL,
  link_length integer NOT NULL DEFAULT 0,
  tsv tsvector NOT NULL,
  -- title and tags alone (small, kept in the row): orders the candidates of a common word cheaply
  head_tsv tsvector NOT NULL
);
CREATE INDEX kb_search_docs_tsv ON kb_search_docs USING gin (tsv);
CREATE INDEX kb_search_docs_tenant ON kb_search_docs (tenant_id, category_id);

-- Per-tenant synonyms applied at query time: a query containing `term` also searches each of `synonyms`
-- (登陆 → 登录, 退钱 → 退款, 打不开 → 无法打开). One way; add the reverse as its own row.
CREATE TABLE kb_synonyms (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  term text NOT NULL,
  synonyms text[] NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX kb_synonyms_term ON kb_synonyms (tenant_id, lower(term));

-- History links: texts of questions / tickets an article solved. Their words become extra (weight D)
-- terms of the article, so a query that shares no word with the article itself still finds it.
CREATE TABLE kb_search_links (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  article_id uuid NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX kb_search_links_article ON kb_search_links (article_id);

-- The tenant's vocabulary: in how many indexed articles each term occurs (for the ranker's IDF and
-- the English typo corrections). Two rows are totals, not words: '' counts the articles and
-- ' tokens' their body tokens (no token is empty or starts with a space).
CREATE TABLE kb_search_terms (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  term text NOT NULL,
  df bigint NOT NULL,
  PRIMARY KEY (tenant_id, term)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['kb_search_docs', 'kb_synonyms', 'kb_search_links', 'kb_search_terms'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
