-- SLA: the tenant's ordered policies (the first whose conditions match a ticket applies), its settings,
-- and every ticket's clocks, one row per ticket and metric, recomputed from the ticket's event history.
-- Warnings, breaches and escalations are fired from the due indexes by the sweep, each exactly once:
-- the row is claimed (FOR UPDATE SKIP LOCKED), marked and its ticket event written in one transaction.

CREATE TABLE sla_policies (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  position integer NOT NULL,
  active boolean NOT NULL DEFAULT true,
  -- all given lists must match (empty or absent: any): {"priorities": ["urgent"], "categoryIds": [],
  -- "typeIds": [], "tiers": ["vip"], "organizationIds": [], "channels": ["phone"], "teamIds": []}
  conditions jsonb NOT NULL DEFAULT '{}',
  -- null: the tenant's default calendar (or 7×24 when it has none)
  calendar_id uuid REFERENCES business_calendars(id) ON DELETE SET NULL,
  -- priority → metric → target: {"urgent": {"first_response": {"minutes": 30, "business": false},
  --   "resolution": {"minutes": 240, "business": true}, "next_response": …, "on_site": …}, "high": …}
  targets jsonb NOT NULL,
  -- warn when this share of the target is left (0.3 = 30% left)
  warn_remaining real NOT NULL DEFAULT 0.3 CHECK (warn_remaining > 0 AND warn_remaining < 1),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, name)
);
CREATE INDEX sla_policies_tenant ON sla_policies (tenant_id, position);

CREATE TABLE sla_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  -- statuses that stop the clocks (待客户反馈 pending, 挂起 on_hold); paused time extends the due time
  pause_statuses text[] NOT NULL DEFAULT '{pending,on_hold}',
  updated_at timestamptz NOT NULL
);

-- One clock per ticket and metric (first_response, next_response, resolution, on_site).
CREATE TABLE ticket_sla (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  metric text NOT NULL CHECK (metric IN ('first_response', 'next_response', 'resolution', 'on_site')),
  policy_id uuid REFERENCES sla_policies(id) ON DELETE SET NULL,
  calendar_id uuid REFERENCES business_calendars(id) ON DELETE SET NULL,
  target_minutes integer NOT NULL CHECK (target_minutes > 0),
  business boolean NOT NULL,
  -- next_response: the n-th wait for an answer (a customer's message after the last public reply)
  cycle integer NOT NULL DEFAULT 1,
  started_at timestamptz NOT NULL,
  -- null while paused (the due time is not known until the clock runs again)
  due_at timestamptz,
  warn_at timestamptz,
  paused_since timestamptz,
  paused_minutes integer NOT NULL DEFAULT 0,
  warned_at timestamptz,
  breached_at timestamptz,
  achieved_at timestamptz,
  -- the escalation levels already fired (0 = none)
  escalation_level integer NOT NULL DEFAULT 0,
  -- bumped by every recomputation; the sweep fires only for the version it read
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, metric)
);
-- the sweep reads only what is due: cost grows with due clocks, not open ones
CREATE INDEX ticket_sla_warn_due ON ticket_sla (warn_at) WHERE warned_at IS NULL AND achieved_at IS NULL AND paused_since IS NULL AND warn_at IS NOT NULL;
CREATE INDEX ticket_sla_breach_due ON ticket_sla (due_at) WHERE breached_at IS NULL AND achieved_at IS NULL AND paused_since IS NULL AND due_at IS NOT NULL;
CREATE INDEX ticket_sla_tenant ON ticket_sla (tenant_id, metric, due_at);

-- 催单: a customer asking again on an open ticket (detected from the message's text and channel)
CREATE TABLE ticket_chases (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  -- the customer message's event (idempotency: one chase per message)
  event_id uuid NOT NULL,
  channel text NOT NULL,
  excerpt text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  UNIQUE (ticket_id, event_id)
);
CREATE INDEX ticket_chases_tenant ON ticket_chases (tenant_id, created_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sla_policies', 'sla_settings', 'ticket_sla', 'ticket_chases'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
