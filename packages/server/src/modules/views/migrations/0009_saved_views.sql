-- Saved ticket list views: a user's named filters (the query parameters of GET /tickets), columns
-- and sort; shared views (made by admins and supervisors) are offered to everyone in the tenant.
CREATE TABLE saved_views (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  owner_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  filters jsonb NOT NULL DEFAULT '{}',
  columns text[] NOT NULL DEFAULT '{}',
  sort text NOT NULL DEFAULT '-updated_at',
  shared boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX saved_views_owner_name ON saved_views (tenant_id, owner_id, lower(name));
CREATE INDEX saved_views_shared ON saved_views (tenant_id) WHERE shared;

ALTER TABLE saved_views ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON saved_views USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_views TO {{APP_ROLE}};
