-- Ticket creation under load: every foreign key to tenants(id) takes a FOR KEY SHARE lock on the one
-- tenant row, so concurrent creates of a tenant pile up shared locks (multixacts) on it. Tenant rows
-- are never deleted and row-level security's WITH CHECK already pins tenant_id to the current tenant,
-- so the high-volume tables drop that foreign key.
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_tenant_id_fkey;
ALTER TABLE ticket_events DROP CONSTRAINT IF EXISTS ticket_events_tenant_id_fkey;
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_tenant_id_fkey;
ALTER TABLE comments DROP CONSTRAINT IF EXISTS comments_tenant_id_fkey;
ALTER TABLE contacts DROP CONSTRAINT IF EXISTS contacts_tenant_id_fkey;
ALTER TABLE contact_identities DROP CONSTRAINT IF EXISTS contact_identities_tenant_id_fkey;
ALTER TABLE attachments DROP CONSTRAINT IF EXISTS attachments_tenant_id_fkey;
ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_tenant_id_fkey;
ALTER TABLE watchers DROP CONSTRAINT IF EXISTS watchers_tenant_id_fkey;
ALTER TABLE idempotency_keys DROP CONSTRAINT IF EXISTS idempotency_keys_tenant_id_fkey;
ALTER TABLE ticket_links DROP CONSTRAINT IF EXISTS ticket_links_tenant_id_fkey;

-- A requester's tickets in keyset order (the customer's "my tickets" and the agent's history panel).
DROP INDEX IF EXISTS tickets_requester;
CREATE INDEX tickets_requester ON tickets (tenant_id, requester_id, updated_at DESC, id DESC);
