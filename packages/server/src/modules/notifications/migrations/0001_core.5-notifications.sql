-- Part of 0001_core (split by owning module; a database that applied 0001_core.sql has applied it).
-- Notifications: the in-app notification center.

CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL,
  ticket_id uuid REFERENCES tickets(id) ON DELETE CASCADE,
  data jsonb NOT NULL DEFAULT '{}',
  read_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX notifications_user ON notifications (tenant_id, user_id, created_at DESC);
