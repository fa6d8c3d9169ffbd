-- Part of 0007_hot_path (split by owning module; a database that applied 0007_hot_path.sql has applied it).
-- Ticket creation under load: every foreign key to tenants(id) takes a FOR KEY SHARE lock on the one
-- tenant row, so concurrent creates of a tenant pile up shared locks (multixacts) on it. Tenant rows
-- are never deleted and row-level security's WITH CHECK already pins tenant_id to the current tenant,
-- so the high-volume tables drop that foreign key.
ALTER TABLE contacts DROP CONSTRAINT IF EXISTS contacts_tenant_id_fkey;
ALTER TABLE contact_identities DROP CONSTRAINT IF EXISTS contact_identities_tenant_id_fkey;
