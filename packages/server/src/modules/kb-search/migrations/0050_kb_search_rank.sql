-- Finding candidates reads a row per matching article; for a common word that is thousands of rows.
-- In kb_search_docs each row carries the article's title, body and tokens (about 1.8 kB), so those
-- rows sat on as many heap pages as there were matches. kb_search_rank keeps only what finding and
-- pre-ordering candidates reads: the filters, the rating prior, the small title-and-tags vector kept in
-- the row uncompressed (STORAGE PLAIN: ts_rank reads it for every match) and the full vector moved out
-- of line (STORAGE EXTERNAL with a small toast_tuple_target: only the GIN index and a rare recheck read
-- it). A row is about 250 bytes, some 30 to a page. kb_search_docs keeps the texts for ranking and
-- snippets, read by primary key for the candidates only.
CREATE TABLE kb_search_rank (
  article_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  category_id uuid,
  audience text NOT NULL CHECK (audience IN ('public', 'internal', 'organization')),
  organization_id uuid,
  -- helpful − not helpful: the tie-break among equally matching candidates
  prior integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL,
  head_tsv tsvector NOT NULL,
  tsv tsvector NOT NULL
) WITH (toast_tuple_target = 128);
ALTER TABLE kb_search_rank ALTER COLUMN head_tsv SET STORAGE PLAIN;
ALTER TABLE kb_search_rank ALTER COLUMN tsv SET STORAGE EXTERNAL;

INSERT INTO kb_search_rank (article_id, tenant_id, category_id, audience, organization_id, prior, updated_at, head_tsv, tsv)
  SELECT article_id, tenant_id, category_id, audience, organization_id, helpful - not_helpful, updated_at, head_tsv, tsv FROM kb_search_docs;

CREATE INDEX kb_search_rank_tsv ON kb_search_rank USING gin (tsv);
CREATE INDEX kb_search_rank_tenant ON kb_search_rank (tenant_id, category_id);

DROP INDEX kb_search_docs_tsv;
ALTER TABLE kb_search_docs DROP COLUMN tsv, DROP COLUMN head_tsv;

ALTER TABLE kb_search_rank ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON kb_search_rank USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON kb_search_rank TO {{APP_ROLE}};
