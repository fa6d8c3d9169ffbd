-- Omnichannel intake. Channels are a tenant's configured entry points (a mailbox, a WeCom app, a web
-- form…); every inbound message is stored raw before the sender is answered, then processed by the
-- intake worker into a ticket or a comment (or quarantined with its error); thread keys map a
-- channel's conversation (email Message-ID, WeCom user, chat id, call id…) to its ticket; outbound
-- messages record what was sent back on a channel, once per comment and channel.
CREATE TABLE channels (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  kind text NOT NULL CHECK (kind IN ('email', 'web', 'chat', 'phone', 'wechat', 'wecom', 'dingtalk', 'feishu', 'iot')),
  name text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  -- what routes a message to this channel across tenants: an email address or @domain, an app id…
  address text,
  settings jsonb NOT NULL DEFAULT '{}',
  -- tokens, AES keys, passwords: used by the adapters, never returned by the API
  secrets jsonb NOT NULL DEFAULT '{}',
  -- routing rules applied to new tickets of this channel: categoryId, teamId, priority, typeId, tags
  defaults jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX channels_address ON channels (kind, lower(address)) WHERE address IS NOT NULL;
CREATE INDEX channels_tenant ON channels (tenant_id, kind);

CREATE TABLE inbound_messages (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  channel text NOT NULL,
  channel_id uuid REFERENCES channels(id) ON DELETE SET NULL,
  -- the sender's id of the message (Message-ID, platform msgid, call id + event…): a second delivery is a duplicate
  external_id text NOT NULL,
  received_at timestamptz NOT NULL,
  content_type text NOT NULL,
  raw bytea NOT NULL,
  meta jsonb NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'processed', 'ignored', 'quarantined')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error jsonb,
  outcome text,
  ticket_id uuid REFERENCES tickets(id) ON DELETE SET NULL,
  comment_id uuid,
  processed_at timestamptz
);
CREATE UNIQUE INDEX inbound_external ON inbound_messages (tenant_id, channel, external_id);
CREATE INDEX inbound_pending ON inbound_messages (next_attempt_at) WHERE state = 'pending';
CREATE INDEX inbound_ticket ON inbound_messages (tenant_id, ticket_id, received_at) WHERE ticket_id IS NOT NULL;
CREATE INDEX inbound_state ON inbound_messages (tenant_id, state, received_at DESC, id DESC);

CREATE TABLE intake_threads (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  key text NOT NULL,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, key)
);
CREATE INDEX intake_threads_ticket ON intake_threads (tenant_id, ticket_id);

CREATE TABLE outbound_messages (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  comment_id uuid NOT NULL,
  channel text NOT NULL,
  recipient text NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  external_id text,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE UNIQUE INDEX outbound_once ON outbound_messages (tenant_id, comment_id, channel);
CREATE INDEX outbound_ticket ON outbound_messages (tenant_id, ticket_id, created_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['channels', 'inbound_messages', 'intake_threads', 'outbound_messages']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
