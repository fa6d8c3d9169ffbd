-- IMAP polling of existing mailboxes: per email channel, the mailbox's UIDVALIDITY and the highest UID
-- stored so far, so each poll fetches only newer mail (and a changed UIDVALIDITY starts over; the
-- Message-ID makes mail seen before a duplicate).
CREATE TABLE imap_state (
  channel_id uuid PRIMARY KEY REFERENCES channels(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  mailbox text NOT NULL,
  uid_validity bigint NOT NULL,
  last_uid bigint NOT NULL,
  last_error text,
  polled_at timestamptz NOT NULL
);

ALTER TABLE imap_state ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON imap_state USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON imap_state TO {{APP_ROLE}};
