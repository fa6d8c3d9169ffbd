-- Field service (现场服务): the engineer's visits to a ticket's site and every step the phone sent
-- (出发, 签到, notes, photos, 签字, 完工), each kept once by the phone's own operation id so that an
-- offline phone replaying its queue never doubles a step.

-- A tenant's field settings: how far (metres) from the site a check-in may be before it is flagged.
CREATE TABLE field_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
  check_in_radius_m integer NOT NULL DEFAULT 500 CHECK (check_in_radius_m BETWEEN 10 AND 100000),
  updated_at timestamptz NOT NULL
);

-- One visit (上门) of a ticket: planned (with an optional time window), en route, on site, done. A
-- second visit (二次上门) is a new row; at most one visit of a ticket is not done.
CREATE TABLE field_visits (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  -- the engineer who made the visit's first step (or was planned for it)
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  window_start timestamptz,
  window_end timestamptz,
  state text NOT NULL CHECK (state IN ('planned', 'en_route', 'on_site', 'done')),
  departed_at timestamptz,
  checked_in_at timestamptz,
  completed_at timestamptz,
  result text CHECK (result IN ('fixed', 'second_visit', 'needs_part')),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (ticket_id, seq),
  CHECK (window_end IS NULL OR window_start IS NULL OR window_end >= window_start)
);
CREATE UNIQUE INDEX field_visits_open ON field_visits (ticket_id) WHERE state <> 'done';
CREATE INDEX field_visits_user_window ON field_visits (tenant_id, user_id, window_start);

-- Every step a phone sent, with the answer it got: the same op_id again gets that answer and changes nothing.
CREATE TABLE field_steps (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  visit_id uuid NOT NULL REFERENCES field_visits(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  op_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('depart', 'check_in', 'note', 'photo', 'signature', 'complete')),
  -- when the engineer did it, by the phone's clock; received_at: when it reached the server
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  accuracy_m real CHECK (accuracy_m >= 0),
  distance_m real,
  flagged boolean NOT NULL DEFAULT false,
  text text,
  file_id uuid,
  result text CHECK (result IN ('fixed', 'second_visit', 'needs_part')),
  -- a digest of the request, so the same op_id with another body is refused
  request_hash text NOT NULL,
  answer jsonb NOT NULL,
  UNIQUE (tenant_id, op_id)
);
CREATE INDEX field_steps_ticket ON field_steps (ticket_id, received_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['field_settings', 'field_visits', 'field_steps'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
