-- Bulk recomputation of a tenant's open clocks after a change of its SLA policies, settings or of a
-- calendar a policy uses: one durable, resumable job per tenant. A change (in its own transaction)
-- bumps the generation and resets the cursor; workers in any process claim the job FOR UPDATE SKIP
-- LOCKED, recompute the next chunk of open tickets (keyset by id after the cursor) from their
-- histories and advance the cursor in the same transaction; the job finishes when no ticket is left.
CREATE TABLE sla_recompute_jobs (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  -- bumped by every request: a change during a pass starts the pass again from the first ticket
  generation integer NOT NULL DEFAULT 1,
  requested_at timestamptz NOT NULL,
  -- the last ticket recomputed in this pass (null: from the first)
  cursor_ticket_id uuid,
  -- the first chunk of this pass / the end of the pass (null while running)
  started_at timestamptz,
  finished_at timestamptz,
  tickets_done integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL
);
-- the workers look for unfinished jobs only
CREATE INDEX sla_recompute_jobs_pending ON sla_recompute_jobs (requested_at) WHERE finished_at IS NULL;

ALTER TABLE sla_recompute_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sla_recompute_jobs USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON sla_recompute_jobs TO {{APP_ROLE}};
