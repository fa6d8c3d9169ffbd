-- Maintenance contracts (维保合同), preventive plans (保养计划) and inspections (巡检).
-- A contract covers assets of a customer organization for a validity period, with the SLA policy that
-- applies to their tickets and the visits a year it includes. A plan schedules visits of one asset or
-- of every asset of a model; each visit (plan, asset, due) is created once — the unique key is the claim
-- two sweeping processes race for. An inspection records each checklist item on the visit's ticket.
CREATE TABLE maintenance_contracts (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  number text NOT NULL,
  name text NOT NULL,
  organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
  sla_policy_id uuid REFERENCES sla_policies(id) ON DELETE SET NULL,
  visits_per_year integer NOT NULL DEFAULT 0 CHECK (visits_per_year BETWEEN 0 AND 366),
  valid_from date NOT NULL,
  valid_to date NOT NULL CHECK (valid_to >= valid_from),
  notes text,
  -- the day the expiry notice went to the admins (once per contract and validity end)
  expiry_notified_for date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, number)
);
CREATE INDEX maintenance_contracts_valid_to ON maintenance_contracts (tenant_id, valid_to);

CREATE TABLE contract_assets (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  contract_id uuid NOT NULL REFERENCES maintenance_contracts(id) ON DELETE CASCADE,
  asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  PRIMARY KEY (contract_id, asset_id)
);
CREATE INDEX contract_assets_asset ON contract_assets (tenant_id, asset_id);

CREATE TABLE preventive_plans (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  -- exactly one of: one asset, or every asset of a model
  asset_id uuid REFERENCES assets(id) ON DELETE CASCADE,
  model text,
  schedule jsonb NOT NULL,
  checklist jsonb NOT NULL DEFAULT '[]',
  priority text NOT NULL DEFAULT 'normal',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((asset_id IS NULL) <> (model IS NULL))
);

CREATE TABLE plan_visits (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  plan_id uuid NOT NULL REFERENCES preventive_plans(id) ON DELETE CASCADE,
  asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  -- a calendar due date (YYYY-MM-DD) or running hours ('h:1500')
  due text NOT NULL,
  ticket_id uuid REFERENCES tickets(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (tenant_id, plan_id, asset_id, due)
);
CREATE INDEX plan_visits_pending ON plan_visits (tenant_id, created_at) WHERE ticket_id IS NULL;
CREATE INDEX plan_visits_ticket ON plan_visits (tenant_id, ticket_id);

CREATE TABLE inspection_items (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  item text NOT NULL,
  result text NOT NULL CHECK (result IN ('pass', 'fail', 'value', 'na')),
  value double precision,
  note text,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, item)
);

CREATE TABLE maintenance_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  expiry_notice_days integer NOT NULL DEFAULT 30 CHECK (expiry_notice_days BETWEEN 0 AND 365),
  updated_at timestamptz NOT NULL
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['maintenance_contracts', 'contract_assets', 'preventive_plans', 'plan_visits', 'inspection_items', 'maintenance_settings']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
