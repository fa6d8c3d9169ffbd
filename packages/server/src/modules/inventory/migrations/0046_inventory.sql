-- Inventory (备件 / 仓库 / 库存): warehouses (central, regional, an engineer's van), parts, stock per
-- warehouse with a minimum, an append-only movement ledger, reservations (预占) of a ticket, the parts a
-- ticket used (recorded from the phone, idempotent by the client's opId), and one settlement per
-- resolution (领用 what was used, 释放 the rest) claimed by the resolving event's id.
-- Stock never goes negative: CHECK constraints hold it, and every change is a conditional UPDATE
-- (`… WHERE on_hand - reserved >= $qty`) that takes the row lock, so two engineers cannot both get the last unit.

CREATE TABLE inventory_warehouses (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('central', 'regional', 'van')),
  -- a van's engineer (GET /me/van-stock)
  owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  -- 库管员: told when a part's available stock falls below its minimum
  keeper_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  address text,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lng double precision CHECK (lng BETWEEN -180 AND 180),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT inventory_warehouses_position CHECK ((lat IS NULL) = (lng IS NULL)),
  UNIQUE (tenant_id, name)
);
CREATE INDEX inventory_warehouses_owner ON inventory_warehouses (tenant_id, owner_user_id) WHERE owner_user_id IS NOT NULL;

CREATE TABLE inventory_parts (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  code text NOT NULL,
  name text NOT NULL,
  unit text NOT NULL DEFAULT '个',
  -- device models it fits (empty: any) and its product line
  models text[] NOT NULL DEFAULT '{}',
  product_line text,
  price numeric(12, 2) CHECK (price >= 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (tenant_id, code)
);

CREATE TABLE inventory_stock (
  warehouse_id uuid NOT NULL REFERENCES inventory_warehouses(id) ON DELETE CASCADE,
  part_id uuid NOT NULL REFERENCES inventory_parts(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  on_hand integer NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
  reserved integer NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  minimum integer NOT NULL DEFAULT 0 CHECK (minimum >= 0),
  -- set when the keeper was told that available < minimum; cleared when it is back at the minimum
  low_since timestamptz,
  updated_at timestamptz NOT NULL,
  CONSTRAINT inventory_stock_reserved_on_hand CHECK (reserved <= on_hand),
  PRIMARY KEY (warehouse_id, part_id)
);
CREATE INDEX inventory_stock_part ON inventory_stock (tenant_id, part_id);

-- The ledger: one row per change of one stock row, with what it changed and what it left.
CREATE TABLE inventory_movements (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  part_id uuid NOT NULL REFERENCES inventory_parts(id) ON DELETE CASCADE,
  warehouse_id uuid NOT NULL REFERENCES inventory_warehouses(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('received', 'reserved', 'drawn', 'returned', 'transferred_out', 'transferred_in', 'released', 'adjusted')),
  on_hand_delta integer NOT NULL,
  reserved_delta integer NOT NULL,
  on_hand_after integer NOT NULL,
  reserved_after integer NOT NULL,
  ticket_id uuid REFERENCES tickets(id) ON DELETE SET NULL,
  reservation_id uuid,
  -- the two rows of one transfer share it
  transfer_id uuid,
  reason text,
  actor_id uuid REFERENCES users(id) ON DELETE SET NULL,
  actor_name text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX inventory_movements_part ON inventory_movements (tenant_id, part_id, created_at DESC, id DESC);
CREATE INDEX inventory_movements_ticket ON inventory_movements (ticket_id) WHERE ticket_id IS NOT NULL;

CREATE TABLE inventory_reservations (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  part_id uuid NOT NULL REFERENCES inventory_parts(id) ON DELETE CASCADE,
  warehouse_id uuid NOT NULL REFERENCES inventory_warehouses(id) ON DELETE CASCADE,
  qty integer NOT NULL CHECK (qty > 0),
  -- how many of them were drawn (领用) at the settlement; the rest was released
  drawn integer NOT NULL DEFAULT 0 CHECK (drawn >= 0 AND drawn <= qty),
  state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'drawn', 'released')),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  settled_at timestamptz
);
CREATE INDEX inventory_reservations_ticket ON inventory_reservations (tenant_id, ticket_id);

-- One request of the phone's "parts used" (its opId): the answer it got, given again to a repeat.
CREATE TABLE inventory_usage_ops (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  op_id uuid NOT NULL,
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  answer jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, op_id)
);

CREATE TABLE inventory_usage (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  op_id uuid NOT NULL,
  part_id uuid NOT NULL REFERENCES inventory_parts(id) ON DELETE CASCADE,
  -- where the engineer took it from, when they said (their van, or the reserving warehouse)
  warehouse_id uuid REFERENCES inventory_warehouses(id) ON DELETE SET NULL,
  qty integer NOT NULL CHECK (qty > 0),
  -- 'recorded' until the settlement; then 'drawn' with how many the stock could give (short: qty - drawn)
  state text NOT NULL DEFAULT 'recorded' CHECK (state IN ('recorded', 'drawn')),
  drawn integer NOT NULL DEFAULT 0 CHECK (drawn >= 0 AND drawn <= qty),
  recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  drawn_at timestamptz
);
CREATE INDEX inventory_usage_ticket ON inventory_usage (tenant_id, ticket_id);
CREATE INDEX inventory_usage_part ON inventory_usage (tenant_id, part_id) WHERE state = 'drawn';

-- One settlement per resolution of a ticket (the resolving event's id): claimed in the transaction that
-- draws and releases, so it happens once with any number of processes. Its category and device model
-- are the history part suggestions learn from.
CREATE TABLE inventory_settlements (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
  event_id text NOT NULL,
  category_id uuid,
  model text,
  settled_at timestamptz NOT NULL,
  PRIMARY KEY (ticket_id, event_id)
);
CREATE INDEX inventory_settlements_kind ON inventory_settlements (tenant_id, category_id, model);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['inventory_warehouses', 'inventory_parts', 'inventory_stock', 'inventory_movements', 'inventory_reservations', 'inventory_usage_ops', 'inventory_usage', 'inventory_settlements'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO {{APP_ROLE}}', t);
  END LOOP;
END $$;
