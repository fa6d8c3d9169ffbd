-- Reply templates (macros): named rich-text replies, optionally filed under a ticket category;
-- managed by admins and supervisors, read by all staff of the tenant.
CREATE TABLE reply_templates (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  body text NOT NULL,
  category_id uuid REFERENCES categories(id),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX reply_templates_name ON reply_templates (tenant_id, lower(name));
CREATE INDEX reply_templates_category ON reply_templates (tenant_id, category_id);

ALTER TABLE reply_templates ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON reply_templates USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON reply_templates TO {{APP_ROLE}};
