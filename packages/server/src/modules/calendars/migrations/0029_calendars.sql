-- Business calendars (工作日历): when a tenant works, for SLA clocks in business time. A calendar has a
-- time zone, working intervals per ISO weekday (split shifts, lunch breaks) or is always open (7×24),
-- and dated exceptions: public holidays (法定节假日) and the make-up working days (调休) of the Chinese
-- schedule. The built-in 2026 schedule is copied into a calendar's days when it is created from it, so
-- admins edit their own copy.

CREATE TABLE business_calendars (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  -- 7×24: the week and the dated days are ignored
  always_open boolean NOT NULL DEFAULT false,
  -- ISO weekday (1 = Monday … 7 = Sunday) → working intervals in local time, ordered, not overlapping:
  -- {"1": [["09:00","12:00"],["13:30","18:00"]], …, "6": [], "7": []}; "24:00" may end an interval
  week jsonb NOT NULL,
  -- the tenant's default calendar (policies without a calendar use it)
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, name)
);
CREATE UNIQUE INDEX business_calendars_one_default ON business_calendars (tenant_id) WHERE is_default;

-- Dated exceptions to the week: a holiday (no work that day) or a make-up working day (调休上班, e.g. a
-- Saturday); a working day's intervals are `hours`, or when null the calendar's Monday intervals.
CREATE TABLE calendar_days (
  calendar_id uuid NOT NULL REFERENCES business_calendars(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  day date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL DEFAULT '',
  hours jsonb,
  PRIMARY KEY (calendar_id, day)
);
CREATE INDEX calendar_days_tenant ON calendar_days (tenant_id);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['business_calendars', 'calendar_days'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
