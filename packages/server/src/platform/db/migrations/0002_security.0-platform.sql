-- Part of 0002_security (split by owning module; a database that applied 0002_security.sql has applied it).
-- The application role (a non-superuser that row-level security holds to the tenant of each
-- transaction), what every module's tables need of it, and the platform's own tables: the outbox,
-- and the migration history (granted with every table of the first migrations, kept as it was).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{{APP_ROLE}}') THEN
    EXECUTE 'CREATE ROLE {{APP_ROLE}} NOLOGIN NOSUPERUSER NOBYPASSRLS';
  END IF;
  EXECUTE format('GRANT {{APP_ROLE}} TO %I', current_user);
END $$;

ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());

GRANT USAGE ON SCHEMA public TO {{APP_ROLE}};
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox, schema_migrations TO {{APP_ROLE}};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {{APP_ROLE}};
GRANT EXECUTE ON FUNCTION current_tenant_id() TO {{APP_ROLE}};
