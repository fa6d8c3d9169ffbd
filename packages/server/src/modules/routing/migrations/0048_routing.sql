-- Day route plans (路线规划): per engineer and day, the visits in order with their times, the break and
-- what could not be fitted; replaced whenever the day is planned again (a team plan, an urgent job).
CREATE TABLE route_plans (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  day date NOT NULL,
  -- [{"ticketId","arriveAt","startAt","endAt","lat","lng","travelKm"}] in visiting order (times ISO)
  stops jsonb NOT NULL DEFAULT '[]',
  -- {"startAt","endAt"} or null
  break jsonb,
  -- [{"ticketId","reason"}]: jobs of the day the plan could not fit (window, shift, no site)
  unplanned jsonb NOT NULL DEFAULT '[]',
  km double precision NOT NULL,
  -- 'request' (asked for), 'team' (a team plan), 'urgent' (an urgent job arrived)
  reason text NOT NULL CHECK (reason IN ('request', 'team', 'urgent')),
  planned_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, user_id, day)
);

-- Urgent assignments already re-planned: the outbox consumer claims each event here, in the same
-- transaction as the new plan, so two processes re-plan once.
CREATE TABLE route_replans (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  event_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  planned_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, event_id)
);

ALTER TABLE route_plans ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON route_plans USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE route_replans ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON route_replans USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON route_plans, route_replans TO {{APP_ROLE}};
