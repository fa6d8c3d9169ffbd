-- Assets (devices) of a tenant, known by their serial; an alarm from a serial not yet registered creates
-- an unconfirmed asset that an admin confirms (model, name, owner). Cut from 0014_iot.sql, which created
-- this table with intake's device tables before the assets module owned it.
CREATE TABLE assets (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  serial text NOT NULL,
  model text,
  name text,
  owner_contact_id uuid REFERENCES contacts(id) ON DELETE SET NULL,
  organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
  confirmed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, serial)
);
CREATE INDEX assets_created ON assets (tenant_id, created_at DESC, id DESC);

ALTER TABLE assets ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON assets USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON assets TO {{APP_ROLE}};
