-- Part of 0001_core (split by owning module; a database that applied 0001_core.sql has applied it).
-- Catalog: the category tree, ticket types and their custom fields.

CREATE TABLE categories (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  parent_id uuid REFERENCES categories(id),
  name_zh text NOT NULL,
  name_en text NOT NULL DEFAULT '',
  position int NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX categories_parent ON categories (tenant_id, parent_id);

CREATE TABLE ticket_types (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  key text NOT NULL,
  name_zh text NOT NULL,
  name_en text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, key)
);

CREATE TABLE custom_fields (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_type_id uuid REFERENCES ticket_types(id) ON DELETE CASCADE,
  key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('text', 'number', 'date', 'select', 'multiselect')),
  label_zh text NOT NULL,
  label_en text NOT NULL DEFAULT '',
  required boolean NOT NULL DEFAULT false,
  options jsonb NOT NULL DEFAULT '[]',
  position int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX custom_fields_key ON custom_fields (tenant_id, coalesce(ticket_type_id, '00000000-0000-0000-0000-000000000000'::uuid), key);
