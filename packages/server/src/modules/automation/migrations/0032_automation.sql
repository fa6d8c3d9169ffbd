-- Automation: triggers (run on ticket events) and time rules (run when a ticket has been in a state
-- long enough), in the tenant's order; every run is recorded once per rule, ticket and occasion, in the
-- transaction of its actions — which is what makes a run happen exactly once with several processes.

CREATE TABLE automation_rules (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('trigger', 'time')),
  position integer NOT NULL,
  active boolean NOT NULL DEFAULT true,
  -- trigger: the occasions it runs on (ticket.created, ticket.updated, reply.added, note.added,
  -- status_changed, assigned, sla.warning, sla.breached, ticket.chased, csat.received); time: empty
  events text[] NOT NULL DEFAULT '{}',
  -- {"all": [condition], "any": [condition]}: every one of all, and at least one of any when given
  conditions jsonb NOT NULL DEFAULT '{}',
  -- [action]: run in order
  actions jsonb NOT NULL,
  -- the shipped default it was created from (e.g. 'acknowledge_new'), null for the tenant's own
  builtin text,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, name)
);
CREATE INDEX automation_rules_tenant ON automation_rules (tenant_id, kind, position);
CREATE UNIQUE INDEX automation_rules_builtin ON automation_rules (tenant_id, builtin) WHERE builtin IS NOT NULL;

CREATE TABLE automation_runs (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  rule_id uuid NOT NULL REFERENCES automation_rules(id) ON DELETE CASCADE,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  -- the occasion: a trigger's event id; a time rule's condition instance (e.g. 'pending@<since ISO>')
  run_key text NOT NULL,
  -- applied: the actions ran; dropped: the loop guard refused them (detail says why); failed: an action
  -- could not run (detail says which and why)
  outcome text NOT NULL CHECK (outcome IN ('applied', 'dropped', 'failed')),
  detail jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (rule_id, ticket_id, run_key)
);
CREATE INDEX automation_runs_ticket ON automation_runs (ticket_id, created_at);
CREATE INDEX automation_runs_tenant ON automation_runs (tenant_id, created_at DESC);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['automation_rules', 'automation_runs'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
