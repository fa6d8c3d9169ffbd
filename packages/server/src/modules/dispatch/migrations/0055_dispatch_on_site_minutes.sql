-- Expected minutes on site: a rule's requirement onSiteMinutes, else learnt per category from the
-- tenant's completed visits (签到 to 完工; dispatch_category_durations, recomputed with the person
-- statistics), else 60. The assignment keeps the minutes dispatch planned with, for the work in hand.
ALTER TABLE dispatch_assignments ADD COLUMN expected_minutes integer;

CREATE TABLE dispatch_category_durations (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  category_id uuid NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  visits integer NOT NULL,
  median_on_site_min real NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, category_id)
);
ALTER TABLE dispatch_category_durations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON dispatch_category_durations USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON dispatch_category_durations TO {{APP_ROLE}};
