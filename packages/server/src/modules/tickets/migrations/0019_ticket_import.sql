-- Importing a tenant's historical tickets: the ticket's id in the old system, unique per tenant so a
-- re-run finds what it already imported, and when it was imported (history keeps its old created_at,
-- so retraining learns of imported tickets by this time). Both columns are on tickets, whose
-- row-level security policy and grants already cover every column.
ALTER TABLE tickets ADD COLUMN external_id text, ADD COLUMN imported_at timestamptz;
CREATE UNIQUE INDEX tickets_external_id ON tickets (tenant_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX tickets_imported ON tickets (tenant_id, imported_at) WHERE imported_at IS NOT NULL;
