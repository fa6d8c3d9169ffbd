-- Portal: the tenant's public self-service portal (/portal/<slug>): its look and what it offers
-- (portal_settings), customers signed in by an emailed link or an SMS code (portal_login_codes, hashed,
-- short-lived, attempt-limited) and their sessions (portal_sessions, the cookie's token hashed).

CREATE TABLE portal_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  enabled boolean NOT NULL DEFAULT false,
  title text NOT NULL DEFAULT '',
  -- an https URL, or an uploaded image kept as a data: URL (small)
  logo_url text,
  primary_color text NOT NULL DEFAULT '#1677ff' CHECK (primary_color ~ '^#[0-9a-fA-F]{6}$'),
  default_locale text NOT NULL DEFAULT 'zh-CN' CHECK (default_locale IN ('zh-CN', 'en-US')),
  -- the web form channel requests are submitted through (its rate limits, spam rules and query codes)
  channel_id uuid REFERENCES channels(id) ON DELETE SET NULL,
  -- [{"categoryId": uuid, "typeId": uuid|null}]: the categories offered, each with the ticket type whose form it uses
  categories jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL
);

CREATE TABLE portal_login_codes (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  via text NOT NULL CHECK (via IN ('email', 'sms')),
  -- sha256 of the code (SMS) or of the link's token (email); never the code itself
  secret_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX portal_login_codes_contact ON portal_login_codes (tenant_id, contact_id, created_at DESC);
CREATE INDEX portal_login_codes_secret ON portal_login_codes (tenant_id, secret_hash);

CREATE TABLE portal_sessions (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX portal_sessions_contact ON portal_sessions (tenant_id, contact_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['portal_settings', 'portal_login_codes', 'portal_sessions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
