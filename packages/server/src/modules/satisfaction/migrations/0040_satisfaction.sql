-- Satisfaction (回访 / 满意度): a tenant's survey settings, and one survey per resolution of a ticket,
-- reached by a long random token of which only the SHA-256 is stored. The survey row is claimed by its
-- unique (ticket, resolution) key in the transaction that sends its link — which is what makes a survey
-- go out exactly once with several processes.

CREATE TABLE csat_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  enabled boolean NOT NULL DEFAULT true,
  nps_enabled boolean NOT NULL DEFAULT false,
  -- a score at or below it notifies the ticket's team supervisors and the admins (0: never)
  low_score_threshold integer NOT NULL DEFAULT 2 CHECK (low_score_threshold BETWEEN 0 AND 5),
  expiry_days integer NOT NULL DEFAULT 30 CHECK (expiry_days BETWEEN 1 AND 365),
  updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE csat_surveys (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  -- the resolution it asks about: the id of the event that set the ticket resolved
  resolution_key text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  -- where its link went: 'email', 'wecom', 'wechat'… (empty: only the portal shows it)
  sent_via text[] NOT NULL DEFAULT '{}',
  nps_asked boolean NOT NULL DEFAULT false,
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  answered_at timestamptz,
  -- 'survey' (the rating page / portal) or the chat channel a bare score came on ('wecom', 'chat'…)
  answered_via text,
  score integer CHECK (score BETWEEN 1 AND 5),
  nps integer CHECK (nps BETWEEN 0 AND 10),
  comment text,
  UNIQUE (tenant_id, ticket_id, resolution_key)
);
CREATE INDEX csat_surveys_ticket ON csat_surveys (tenant_id, ticket_id, sent_at DESC);
CREATE INDEX csat_surveys_sent ON csat_surveys (tenant_id, sent_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['csat_settings', 'csat_surveys'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
