-- Per-user notification preferences: which channels each kind of notification goes to besides the
-- in-app center (email, sms), and quiet hours in the user's time zone during which only urgent ones
-- are sent outside the app.
CREATE TABLE notification_preferences (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- kind → channels: {"sla_warning": ["email", "sms"], "assigned": ["email"]}; a kind left out: in-app only
  channels jsonb NOT NULL DEFAULT '{}',
  quiet_start text CHECK (quiet_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  quiet_end text CHECK (quiet_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  updated_at timestamptz NOT NULL
);
CREATE INDEX notification_preferences_tenant ON notification_preferences (tenant_id);
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON notification_preferences USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preferences TO {{APP_ROLE}};
