-- Dispatch (智能派单): who can be sent to what, where they are, the tenant's dispatch rules and modes,
-- and every assignment the engine or a person made, with the reasons. Profiles, outlets, positions,
-- rules, policies and customer preferences are written by the profile use cases; assignments, the
-- queue and the learnt statistics by the assignment use cases.

-- 服务网点: a branch with its own engineers; "the nearest outlet that can do it" is a dispatch target.
CREATE TABLE dispatch_outlets (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  address text NOT NULL DEFAULT '',
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, name)
);

-- One row per person who can be dispatched (agents and engineers); people without one are dispatched
-- on their team memberships alone, with the tenant's default capacity.
CREATE TABLE dispatch_profiles (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  -- {"电梯维修": 4, "空调": 2}: skill name → level 1..5
  skills jsonb NOT NULL DEFAULT '{}',
  -- [{"name": "特种设备作业证", "expires": "2027-05-01"}]: valid through the expiry day
  certifications jsonb NOT NULL DEFAULT '[]',
  -- 服务区域 by name ("上海市", "上海市/浦东新区"): a ticket's region matches one, or a prefix of it
  regions text[] NOT NULL DEFAULT '{}',
  -- a drawn area: {"kind":"radius","center":[lat,lng],"km":30} or {"kind":"polygon","points":[[lat,lng],…]}
  area jsonb,
  languages text[] NOT NULL DEFAULT '{zh}',
  product_lines text[] NOT NULL DEFAULT '{}',
  -- shift pattern in the tenant's time zone: {"days":[1,2,3,4,5],"start":"08:00","end":"18:00"} (ISO weekdays,
  -- end may be before start for a night shift); null: always on shift
  shift jsonb,
  -- capacity per kind of work: {"ticket": 8, "chat": 2, "field": 5}; a kind left out uses the tenant default
  capacity jsonb NOT NULL DEFAULT '{}',
  home_lat double precision CHECK (home_lat BETWEEN -90 AND 90),
  home_lng double precision CHECK (home_lng BETWEEN -180 AND 180),
  outlet_id uuid REFERENCES dispatch_outlets(id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'busy', 'away', 'off_shift')),
  status_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX dispatch_profiles_tenant ON dispatch_profiles (tenant_id);

-- The latest position a person's phone reported (POST /api/v1/me/location); stale after the tenant's age.
CREATE TABLE dispatch_positions (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  accuracy_m real CHECK (accuracy_m >= 0),
  reported_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX dispatch_positions_tenant ON dispatch_positions (tenant_id);

-- Hard rules, in order: the first enabled rule whose conditions match a ticket sets its requirements.
CREATE TABLE dispatch_rules (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  position integer NOT NULL DEFAULT 0,
  enabled boolean NOT NULL DEFAULT true,
  -- {"categoryIds":[…],"typeIds":[…],"tiers":[…],"channels":[…],"productLines":[…],"priorities":[…]}: all given must match
  conditions jsonb NOT NULL DEFAULT '{}',
  -- {"skill":"电梯维修","level":3,"certification":"特种设备作业证","language":"en","region":"上海市","productLine":"扶梯","onSite":true}
  requirements jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, name)
);
CREATE INDEX dispatch_rules_order ON dispatch_rules (tenant_id, position);

-- How tickets are dispatched: the tenant's default (scope 'tenant'), overridden per team or per category.
CREATE TABLE dispatch_policies (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  scope text NOT NULL CHECK (scope IN ('tenant', 'team', 'category')),
  -- the team or category; null for the tenant's default
  scope_id uuid,
  mode text NOT NULL DEFAULT 'manual' CHECK (mode IN ('manual', 'round_robin', 'least_loaded', 'skills', 'scored', 'batch')),
  -- score weights, e.g. {"travel":3,"load":2,"speed":1,"firstFix":1,"skillFit":1,"tier":1,"preferred":1,"fairness":1}
  weights jsonb NOT NULL DEFAULT '{}',
  -- batch mode: tickets arriving within this many seconds are matched together
  batch_window_s integer NOT NULL DEFAULT 30 CHECK (batch_window_s BETWEEN 1 AND 3600),
  -- an offer not accepted (接单) within this many seconds goes back to dispatch; null: no acceptance step
  accept_timeout_s integer CHECK (accept_timeout_s BETWEEN 10 AND 86400),
  -- overflow at peak: when the team's waiting queue is longer than the threshold, new tickets go to the backup team
  overflow_team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
  overflow_threshold integer CHECK (overflow_threshold >= 0),
  -- travel: straight-line distance at this speed, unless a road-time provider is configured
  speed_kmh real NOT NULL DEFAULT 30 CHECK (speed_kmh > 0),
  position_stale_min integer NOT NULL DEFAULT 30 CHECK (position_stale_min > 0),
  -- capacity of a person whose profile leaves a kind out
  default_capacity jsonb NOT NULL DEFAULT '{"ticket": 8, "chat": 2, "field": 5}',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX dispatch_policies_scope ON dispatch_policies (tenant_id, scope, coalesce(scope_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- A customer's preferred and excluded people (a contact, or a whole organization).
CREATE TABLE dispatch_customer_preferences (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  contact_id uuid REFERENCES contacts(id) ON DELETE CASCADE,
  organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
  preferred_user_ids uuid[] NOT NULL DEFAULT '{}',
  excluded_user_ids uuid[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL,
  CHECK ((contact_id IS NULL) <> (organization_id IS NULL))
);
CREATE UNIQUE INDEX dispatch_customer_preferences_contact ON dispatch_customer_preferences (tenant_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX dispatch_customer_preferences_org ON dispatch_customer_preferences (tenant_id, organization_id) WHERE organization_id IS NOT NULL;

-- Every assignment: offered (派单) → accepted (接单) → started, or declined (拒单) / expired (not accepted
-- in time) / handed back (off shift) / released (reassigned, transferred, resolved). At most one live
-- assignment per ticket, in the database itself, so two processes can never both assign a ticket.
CREATE TABLE dispatch_assignments (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('ticket', 'chat', 'field')),
  state text NOT NULL CHECK (state IN ('offered', 'accepted', 'started', 'declined', 'expired', 'handed_back', 'released')),
  -- how it was decided: a mode, 'manual' (a person picked from the recommendations) or 'override'
  mode text NOT NULL,
  decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
  override_reason text,
  -- the decision: candidates with their scores and terms, the people excluded and by which rule
  decision jsonb NOT NULL DEFAULT '{}',
  offered_at timestamptz NOT NULL,
  respond_by timestamptz,
  accepted_at timestamptz,
  ended_at timestamptz,
  end_reason text
);
CREATE UNIQUE INDEX dispatch_assignments_live ON dispatch_assignments (ticket_id) WHERE state IN ('offered', 'accepted', 'started');
CREATE INDEX dispatch_assignments_person ON dispatch_assignments (tenant_id, user_id) WHERE state IN ('offered', 'accepted', 'started');
CREATE INDEX dispatch_assignments_due ON dispatch_assignments (respond_by) WHERE state = 'offered';
CREATE INDEX dispatch_assignments_ticket ON dispatch_assignments (ticket_id, offered_at DESC);

-- Tickets waiting for someone eligible with capacity (or for their batch window to close), assigned
-- most urgent then oldest first.
CREATE TABLE dispatch_queue (
  ticket_id uuid PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  team_id uuid REFERENCES teams(id) ON DELETE SET NULL,
  priority_rank smallint NOT NULL,
  enqueued_at timestamptz NOT NULL,
  -- batch mode: not matched before this time
  batch_until timestamptz,
  -- why it waits (no one eligible, no capacity), for the dispatcher
  waiting_reason text,
  attempts integer NOT NULL DEFAULT 0
);
CREATE INDEX dispatch_queue_order ON dispatch_queue (tenant_id, priority_rank DESC, enqueued_at);

-- Learnt from the tenant's own closed tickets (imported history included): each person's speed and
-- first-time-fix rate on each category.
CREATE TABLE dispatch_person_stats (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  category_id uuid NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
  solved integer NOT NULL,
  median_resolution_min real NOT NULL,
  first_fix_rate real NOT NULL CHECK (first_fix_rate BETWEEN 0 AND 1),
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, user_id, category_id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['dispatch_outlets', 'dispatch_profiles', 'dispatch_positions', 'dispatch_rules', 'dispatch_policies',
    'dispatch_customer_preferences', 'dispatch_assignments', 'dispatch_queue', 'dispatch_person_stats'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
