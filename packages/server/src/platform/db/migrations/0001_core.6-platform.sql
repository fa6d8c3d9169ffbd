-- Part of 0001_core (split by owning module; a database that applied 0001_core.sql has applied it).
-- The platform: the tenant of the current transaction (which every row-level security policy reads),
-- and the outbox. Every tenant-owned table carries tenant_id and a row-level security policy; the
-- application runs as the non-superuser role {{APP_ROLE}} with app.tenant_id set per transaction.

CREATE OR REPLACE FUNCTION current_tenant_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  event_id uuid NOT NULL,
  topic text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts int NOT NULL DEFAULT 0,
  last_error text,
  processed_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (available_at, id) WHERE processed_at IS NULL;
