-- IoT devices. An asset is a device of a tenant, known by its serial; an alarm from a serial not yet
-- registered creates an unconfirmed asset that an admin confirms (model, name, owner). Device keys
-- authenticate devices (MQTT password, HTTP bearer token); only their hash is stored. A device alarm
-- is one (device, code) incident with its ticket: repeated alarms inside the window add to its count,
-- a recovery message closes it.
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

CREATE TABLE device_keys (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz
);
CREATE INDEX device_keys_tenant ON device_keys (tenant_id, created_at DESC);

CREATE TABLE device_alarms (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  asset_id uuid NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  code text NOT NULL,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  severity text NOT NULL,
  count integer NOT NULL DEFAULT 1,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  -- open: repeats join it; recovered: a recovery message resolved it; expired: a later alarm came
  -- after the window (or after its ticket was closed) and opened a new one
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'recovered', 'expired')),
  recovered_at timestamptz
);
-- at most one open incident per device and code: two workers racing on a first alarm cannot both win
CREATE UNIQUE INDEX device_alarms_open ON device_alarms (tenant_id, asset_id, code) WHERE state = 'open';
CREATE INDEX device_alarms_asset ON device_alarms (tenant_id, asset_id, first_at DESC);
CREATE INDEX device_alarms_ticket ON device_alarms (tenant_id, ticket_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['assets', 'device_keys', 'device_alarms']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
