-- Telemetry (预测性维护). Readings are stored compactly: one row per device, message and metric, the
-- message's times and values as arrays (a batch of 500 readings is one row, not 500). Recent windows
-- are read by (asset, metric, last_at); retention deletes by last_at, which follows insertion order,
-- so a BRIN index serves it at almost no cost. Rules are per device model; a rule that fires opens
-- one incident (and its preventive work order) per asset and problem while it is open.
CREATE TABLE telemetry_batches (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  metric text NOT NULL,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  at timestamptz[] NOT NULL,
  vals float8[] NOT NULL,
  CHECK (cardinality(at) = cardinality(vals) AND cardinality(at) >= 1)
);
CREATE INDEX telemetry_batches_recent ON telemetry_batches (tenant_id, asset_id, metric, last_at DESC);
CREATE INDEX telemetry_batches_age ON telemetry_batches USING brin (last_at);

CREATE TABLE telemetry_rules (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- the device model it applies to (assets.model); null: every model
  model text,
  metric text NOT NULL,
  problem text NOT NULL,
  params jsonb NOT NULL,
  priority text NOT NULL DEFAULT 'high',
  active boolean NOT NULL DEFAULT true,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX telemetry_rules_model ON telemetry_rules (tenant_id, model, metric);

CREATE TABLE telemetry_incidents (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  problem text NOT NULL,
  rule_id uuid REFERENCES telemetry_rules(id) ON DELETE SET NULL,
  -- null between the claim and the ticket's creation (a crash there is finished by the next firing)
  ticket_id uuid REFERENCES tickets(id) ON DELETE SET NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  firing jsonb NOT NULL,
  opened_at timestamptz NOT NULL,
  closed_at timestamptz
);
-- one open incident per asset and problem: two processes evaluating the same readings cannot both open one
CREATE UNIQUE INDEX telemetry_incidents_open ON telemetry_incidents (tenant_id, asset_id, problem) WHERE state = 'open';
CREATE INDEX telemetry_incidents_asset ON telemetry_incidents (tenant_id, asset_id, opened_at DESC);

CREATE TABLE telemetry_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  retention_days integer NOT NULL DEFAULT 90 CHECK (retention_days BETWEEN 1 AND 3650),
  updated_at timestamptz NOT NULL
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['telemetry_batches', 'telemetry_rules', 'telemetry_incidents', 'telemetry_settings']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
