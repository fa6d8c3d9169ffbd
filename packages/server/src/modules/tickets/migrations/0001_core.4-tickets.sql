-- Part of 0001_core (split by owning module; a database that applied 0001_core.sql has applied it).
-- Tickets: tickets, their event log, comments, attachments, watchers and links, the idempotency keys
-- of ticket-creating requests, and the per-tenant ticket number sequences.

CREATE TABLE tickets (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  number bigint NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'resolved', 'closed')),
  priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  priority_rank smallint GENERATED ALWAYS AS (CASE priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END) STORED,
  channel text NOT NULL DEFAULT 'api',
  type_id uuid REFERENCES ticket_types(id),
  category_id uuid REFERENCES categories(id),
  team_id uuid REFERENCES teams(id),
  assignee_id uuid REFERENCES users(id),
  requester_id uuid REFERENCES contacts(id),
  organization_id uuid REFERENCES organizations(id),
  parent_id uuid REFERENCES tickets(id),
  tags text[] NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  search tsvector,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  resolved_at timestamptz,
  closed_at timestamptz,
  UNIQUE (tenant_id, number)
);
-- keyset pagination: (tenant, [filter,] sort key, id)
CREATE INDEX tickets_created ON tickets (tenant_id, created_at DESC, id DESC);
CREATE INDEX tickets_updated ON tickets (tenant_id, updated_at DESC, id DESC);
CREATE INDEX tickets_status_updated ON tickets (tenant_id, status, updated_at DESC, id DESC);
CREATE INDEX tickets_status_created ON tickets (tenant_id, status, created_at DESC, id DESC);
CREATE INDEX tickets_priority ON tickets (tenant_id, priority_rank DESC, updated_at DESC, id DESC);
CREATE INDEX tickets_assignee ON tickets (tenant_id, assignee_id, updated_at DESC, id DESC);
CREATE INDEX tickets_team ON tickets (tenant_id, team_id, updated_at DESC, id DESC);
CREATE INDEX tickets_requester ON tickets (tenant_id, requester_id, created_at DESC);
CREATE INDEX tickets_category ON tickets (tenant_id, category_id, updated_at DESC, id DESC);
CREATE INDEX tickets_parent ON tickets (tenant_id, parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX tickets_tags ON tickets USING gin (tags);
CREATE INDEX tickets_search ON tickets USING gin (search);

CREATE TABLE ticket_events (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  kind text NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'contact', 'system')),
  actor_id uuid,
  actor_name text NOT NULL DEFAULT '',
  channel text NOT NULL DEFAULT 'web',
  internal boolean NOT NULL DEFAULT false,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL
);
CREATE INDEX ticket_events_ticket ON ticket_events (tenant_id, ticket_id, id);

CREATE TABLE comments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  author_type text NOT NULL CHECK (author_type IN ('user', 'api_key', 'contact', 'system')),
  author_id uuid,
  body_html text NOT NULL,
  body_text text NOT NULL,
  internal boolean NOT NULL DEFAULT false,
  channel text NOT NULL DEFAULT 'web',
  created_at timestamptz NOT NULL
);
CREATE INDEX comments_ticket ON comments (tenant_id, ticket_id, created_at);

CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  comment_id uuid REFERENCES comments(id),
  filename text NOT NULL,
  content_type text NOT NULL,
  size bigint NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  internal boolean NOT NULL DEFAULT false,
  uploaded_by uuid,
  created_at timestamptz NOT NULL
);
CREATE INDEX attachments_ticket ON attachments (tenant_id, ticket_id);

CREATE TABLE watchers (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, user_id)
);

CREATE TABLE ticket_links (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  target_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('duplicate_of', 'related', 'caused_by')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (ticket_id, target_id, kind),
  CHECK (ticket_id <> target_id)
);
CREATE INDEX ticket_links_target ON ticket_links (tenant_id, target_id);

CREATE TABLE idempotency_keys (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  principal text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status int,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, principal, key)
);

-- Ticket numbers: one sequence per tenant (no row lock shared by concurrent creates, never reused
-- after a crash). The application role may only draw from its own tenant's sequence.
CREATE OR REPLACE FUNCTION next_ticket_number() RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  RETURN nextval(format('ticket_number_%s', replace(current_setting('app.tenant_id'), '-', ''))::regclass);
END $$;
REVOKE ALL ON FUNCTION next_ticket_number() FROM PUBLIC;

CREATE OR REPLACE FUNCTION create_ticket_sequence(t uuid) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE SEQUENCE IF NOT EXISTS ticket_number_%s START 10001', replace(t::text, '-', ''));
END $$;
REVOKE ALL ON FUNCTION create_ticket_sequence(uuid) FROM PUBLIC;
