-- Assist (智能知识推荐) and the knowledge measures: what was suggested to an agent on a ticket and what
-- the agent did with it, and what a customer did in the portal. One row per event; the measures
-- (suggestion hit rate, helpful rate, deflection) are computed from these rows.
CREATE TABLE assist_events (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- agent side: shown (one row per suggested item; its id is the suggestion id), used (the agent
  -- inserted it into a reply), rated (thumbs up / down); portal side: search, article_view,
  -- request_started, request_submitted
  kind text NOT NULL CHECK (kind IN ('shown', 'used', 'rated', 'search', 'article_view', 'request_started', 'request_submitted')),
  -- the shown row a used / rated row is about (a shown row names itself)
  suggestion_id uuid,
  ticket_id uuid REFERENCES tickets(id) ON DELETE CASCADE,
  -- the ticket's category when the suggestion was shown (hit rate per category)
  category_id uuid,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  -- what was suggested: an article (kb) or a solved ticket; its id
  item_kind text CHECK (item_kind IN ('article', 'ticket')),
  item_id uuid,
  rank integer,
  -- used: how it went into the reply
  mode text CHECK (mode IN ('link', 'text')),
  -- rated: helpful or not
  helpful boolean,
  -- portal: the visitor's session, the article read, the words searched
  session_id text,
  article_id uuid,
  query text,
  created_at timestamptz NOT NULL,
  CHECK ((kind IN ('shown', 'used', 'rated')) = (suggestion_id IS NOT NULL AND ticket_id IS NOT NULL)),
  CHECK ((kind IN ('search', 'article_view', 'request_started', 'request_submitted')) = (session_id IS NOT NULL))
);
-- used and rated are recorded once per suggestion (a second click changes nothing; a new rating replaces the old)
CREATE UNIQUE INDEX assist_events_once ON assist_events (suggestion_id, kind) WHERE suggestion_id IS NOT NULL;
CREATE INDEX assist_events_agent ON assist_events (tenant_id, created_at) WHERE kind = 'shown';
CREATE INDEX assist_events_ticket ON assist_events (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX assist_events_portal ON assist_events (tenant_id, created_at) WHERE session_id IS NOT NULL;

ALTER TABLE assist_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assist_events USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON assist_events TO {{APP_ROLE}};
