-- The ticket's most urgent running SLA clock, kept by the SLA module through a tickets use case in the
-- transaction that recomputes the clocks: the list's "due soonest" sort and its SLA filter read the
-- tickets table alone. sla_state: ok | warning | breached | paused | achieved; null: no SLA applies.
ALTER TABLE tickets ADD COLUMN sla_due_at timestamptz;
ALTER TABLE tickets ADD COLUMN sla_state text CHECK (sla_state IN ('ok', 'warning', 'breached', 'paused', 'achieved'));
CREATE INDEX tickets_sla_due ON tickets (tenant_id, sla_due_at, id) WHERE sla_due_at IS NOT NULL;
