-- Outbound delivery: the tenant's webhooks and notification channels (group robots of WeCom / DingTalk /
-- Feishu, an SMS gateway), and every message to send through them, with retries and exponential backoff
-- until it is delivered or, after the last attempt, dead (the dead-letter list admins see and replay).

-- Outbound webhooks: ticket events POSTed to a URL, the body signed with HMAC-SHA256 and a timestamp.
CREATE TABLE webhooks (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  url text NOT NULL,
  secret text NOT NULL,
  -- the event kinds it receives ('ticket.created', 'sla.breached', …); empty: none (used by automation only)
  events text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, name)
);

-- Where notifications can go besides the in-app center and email: group robots and the SMS gateway.
CREATE TABLE notification_channels (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL CHECK (kind IN ('wecom_robot', 'dingtalk_robot', 'feishu_robot', 'sms_gateway')),
  name text NOT NULL,
  -- robots: {"url": …, "secret"?: …} (DingTalk / Feishu signing secret); sms_gateway: {"url", "token"?, "sign"?}
  config jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, name)
);

CREATE TABLE deliveries (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  target_kind text NOT NULL CHECK (target_kind IN ('webhook', 'wecom_robot', 'dingtalk_robot', 'feishu_robot', 'sms', 'email')),
  -- the webhook or channel (null for email)
  target_id uuid,
  -- once per occasion: e.g. 'webhook:<webhookId>:<eventId>', 'notification:<notificationId>:email'
  dedupe_key text NOT NULL,
  ticket_id uuid,
  -- what to send, rendered when enqueued (the body of a webhook, the robot message, the SMS or the mail)
  request jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- a process sending it holds it until then (a killed sender's claim runs out and another retries)
  claimed_until timestamptz,
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  UNIQUE (tenant_id, dedupe_key)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_dead ON deliveries (tenant_id, created_at DESC) WHERE state = 'dead';

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['webhooks', 'notification_channels', 'deliveries'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
