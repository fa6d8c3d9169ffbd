-- The list's "due soonest first" sort orders by coalesce(sla_due_at, 'infinity') (tickets without SLA
-- last), which the partial index of 0031 could not serve: at a million tickets the sort read them all.
-- An index on that very expression gives the first page in index order. Time rules on breached tickets
-- (sla.state is breached) read the breached ones through a small partial index.
DROP INDEX IF EXISTS tickets_sla_due;
CREATE INDEX tickets_sla_due_sort ON tickets (tenant_id, (coalesce(sla_due_at, 'infinity'::timestamptz)), id);
CREATE INDEX tickets_sla_breached ON tickets (tenant_id, id) WHERE sla_state = 'breached';
