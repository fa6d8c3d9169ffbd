-- Part of 0002_security (split by owning module; a database that applied 0002_security.sql has applied it).
-- Row-level security and the application role's grants for the ticket tables.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tickets', 'ticket_events', 'comments', 'attachments', 'watchers', 'ticket_links', 'idempotency_keys']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;

GRANT EXECUTE ON FUNCTION next_ticket_number() TO {{APP_ROLE}};
