-- Part of 0001_core (split by owning module; a database that applied 0001_core.sql has applied it).
-- Customers: organizations, contacts and their identities across channels.

CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  tier text NOT NULL DEFAULT 'standard',
  domain text,
  notes text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organizations_name ON organizations (tenant_id, name);

CREATE TABLE contacts (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  organization_id uuid REFERENCES organizations(id),
  name text NOT NULL,
  tier text,
  notes text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contacts_org ON contacts (tenant_id, organization_id);
CREATE INDEX contacts_name ON contacts (tenant_id, name);

CREATE TABLE contact_identities (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('email', 'phone', 'wechat', 'wecom', 'dingtalk', 'feishu', 'device', 'other')),
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, kind, value)
);
CREATE INDEX contact_identities_contact ON contact_identities (tenant_id, contact_id);
