-- Row-level security for every tenant-owned table, and the application role's grants.
DO $$
DECLARE t text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{{APP_ROLE}}') THEN
    EXECUTE 'CREATE ROLE {{APP_ROLE}} NOLOGIN NOSUPERUSER NOBYPASSRLS';
  END IF;
  EXECUTE format('GRANT {{APP_ROLE}} TO %I', current_user);
  FOREACH t IN ARRAY ARRAY['teams','users','team_members','sessions','api_keys','organizations','contacts',
    'contact_identities','categories','ticket_types','custom_fields','tickets','ticket_events','comments',
    'attachments','watchers','ticket_links','notifications','idempotency_keys','outbox']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
  END LOOP;
END $$;

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_self ON tenants USING (id = current_tenant_id()) WITH CHECK (id = current_tenant_id());

GRANT USAGE ON SCHEMA public TO {{APP_ROLE}};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {{APP_ROLE}};
REVOKE INSERT, DELETE ON tenants FROM {{APP_ROLE}};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {{APP_ROLE}};
GRANT EXECUTE ON FUNCTION next_ticket_number() TO {{APP_ROLE}};
GRANT EXECUTE ON FUNCTION current_tenant_id() TO {{APP_ROLE}};
