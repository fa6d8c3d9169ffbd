-- Knowledge base: articles in categories, every saved change kept as a version, the review workflow
-- draft → in_review → published → retired with named reviewers, ratings, view counts, the tickets an
-- article came from or solved, and the tenant's review period ("due for review" after that many days).

CREATE TABLE kb_categories (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX kb_categories_name ON kb_categories (tenant_id, lower(name));

CREATE TABLE kb_articles (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  title text NOT NULL,
  -- sanitised rich text and its plain text (for search, previews and diffs)
  body_html text NOT NULL,
  body_text text NOT NULL,
  category_id uuid REFERENCES kb_categories(id) ON DELETE SET NULL,
  tags text[] NOT NULL DEFAULT '{}',
  audience text NOT NULL CHECK (audience IN ('public', 'internal', 'organization')),
  organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
  state text NOT NULL CHECK (state IN ('draft', 'in_review', 'published', 'retired')),
  -- the number of the newest row in kb_article_versions
  version integer NOT NULL,
  author_id uuid REFERENCES users(id) ON DELETE SET NULL,
  -- named reviewers of the current review round; the last review's comment
  reviewer_ids uuid[] NOT NULL DEFAULT '{}',
  review_comment text,
  reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  -- images and attachments: [{id, filename, contentType, size, sha256, storageKey, uploadedBy, createdAt}]
  files jsonb NOT NULL DEFAULT '[]',
  helpful integer NOT NULL DEFAULT 0,
  not_helpful integer NOT NULL DEFAULT 0,
  views integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  -- the last change of the content (title, body, category, tags, audience): what "due for review" counts from
  content_updated_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  retired_at timestamptz
);
CREATE INDEX kb_articles_state ON kb_articles (tenant_id, state, updated_at DESC);
CREATE INDEX kb_articles_category ON kb_articles (tenant_id, category_id);
CREATE INDEX kb_articles_reviewers ON kb_articles USING gin (reviewer_ids);

CREATE TABLE kb_article_versions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  article_id uuid NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
  version integer NOT NULL,
  -- what the save was: created, edited, submitted, approved, rejected, retired
  action text NOT NULL,
  comment text,
  title text NOT NULL,
  body_html text NOT NULL,
  body_text text NOT NULL,
  category_id uuid,
  tags text[] NOT NULL DEFAULT '{}',
  audience text NOT NULL,
  organization_id uuid,
  state text NOT NULL,
  author_id uuid REFERENCES users(id) ON DELETE SET NULL,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (article_id, version)
);

CREATE TABLE kb_ratings (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  article_id uuid NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
  helpful boolean NOT NULL,
  comment text NOT NULL DEFAULT '',
  -- who rated: a staff member, a customer contact, or nobody known (the public portal)
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  contact_id uuid,
  created_at timestamptz NOT NULL
);
CREATE INDEX kb_ratings_article ON kb_ratings (article_id, created_at DESC);

CREATE TABLE kb_article_tickets (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  article_id uuid NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  -- source: the article was drafted from the ticket; solved: the article answered it
  kind text NOT NULL DEFAULT 'source' CHECK (kind IN ('source', 'solved')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (article_id, ticket_id)
);
CREATE INDEX kb_article_tickets_ticket ON kb_article_tickets (ticket_id);

CREATE TABLE kb_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  review_after_days integer NOT NULL CHECK (review_after_days BETWEEN 1 AND 3650),
  updated_at timestamptz NOT NULL
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['kb_categories', 'kb_articles', 'kb_article_versions', 'kb_ratings', 'kb_article_tickets', 'kb_settings'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
