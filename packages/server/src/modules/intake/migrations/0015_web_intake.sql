-- Public intake endpoints (web form submissions, ticket tracking): fixed-window request counters per
-- bucket (a form key, a form key and client address…), so limits hold across server processes.
-- Query codes need no table: a submission's code is derived from its stored inbound message (see
-- modules/intake/web) and its hash is kept in that message's meta, written with the raw submission.
CREATE TABLE intake_rate_limits (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (tenant_id, bucket, window_start)
);

ALTER TABLE intake_rate_limits ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON intake_rate_limits USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON intake_rate_limits TO {{APP_ROLE}};
