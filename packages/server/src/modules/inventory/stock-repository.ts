import type { Queryable } from '../../platform/db/database';
import type { WarehouseKind } from './warehouse-repository';

// Stock rows and the ledger. Every change is one conditional UPDATE that takes the row's lock and
// refuses a result below zero (or more reserved than on hand): the CHECK constraints are the backstop.

export interface StockRow {
  warehouse_id: string;
  part_id: string;
  on_hand: number;
  reserved: number;
  minimum: number;
  low_since: Date | null;
}

export type MovementKind = 'received' | 'reserved' | 'drawn' | 'returned' | 'transferred_out' | 'transferred_in' | 'released' | 'adjusted';

export interface MovementInsert {
  id: string;
  tenantId: string;
  partId: string;
  warehouseId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  ticketId: string | null;
  reservationId: string | null;
  transferId: string | null;
  reason: string | null;
  actorId: string | null;
  actorName: string;
  at: Date;
}

export interface MovementRow {
  id: string;
  part_id: string;
  warehouse_id: string;
  warehouse_name: string;
  kind: MovementKind;
  on_hand_delta: number;
  reserved_delta: number;
  on_hand_after: number;
  reserved_after: number;
  ticket_id: string | null;
  reservation_id: string | null;
  transfer_id: string | null;
  reason: string | null;
  actor_name: string;
  created_at: Date;
}

export interface PlaceRow {
  warehouse_id: string;
  part_id: string;
  name: string;
  kind: WarehouseKind;
  owner_user_id: string | null;
  lat: number | null;
  lng: number | null;
  on_hand: number;
  reserved: number;
  minimum: number;
}

const STOCK = 'warehouse_id, part_id, on_hand, reserved, minimum, low_since';

export const stockRepository = {
  /**
   * Adds the deltas when the result is valid (on hand ≥ reserved ≥ 0), creating the row for a pure
   * receipt; undefined when the stock cannot give it (or the row does not exist for a decrease).
   */
  async change(q: Queryable, s: { tenantId: string; warehouseId: string; partId: string; onHand: number; reserved: number; at: Date }): Promise<StockRow | undefined> {
    if (s.onHand >= 0 && s.reserved === 0) {
      const [row] = await q.query<StockRow>(
        `INSERT INTO inventory_stock (warehouse_id, part_id, tenant_id, on_hand, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (warehouse_id, part_id) DO UPDATE SET on_hand = inventory_stock.on_hand + EXCLUDED.on_hand, updated_at = EXCLUDED.updated_at
         RETURNING ${STOCK}`,
        [s.warehouseId, s.partId, s.tenantId, s.onHand, s.at],
      );
      return row;
    }
    const [row] = await q.query<StockRow>(
      `UPDATE inventory_stock SET on_hand = on_hand + $3, reserved = reserved + $4, updated_at = $5
       WHERE warehouse_id = $1 AND part_id = $2 AND reserved + $4 >= 0 AND reserved + $4 <= on_hand + $3
       RETURNING ${STOCK}`,
      [s.warehouseId, s.partId, s.onHand, s.reserved, s.at],
    );
    return row;
  },
  async get(q: Queryable, warehouseId: string, partId: string): Promise<StockRow | undefined> {
    const [row] = await q.query<StockRow>(`SELECT ${STOCK} FROM inventory_stock WHERE warehouse_id = $1 AND part_id = $2`, [warehouseId, partId]);
    return row;
  },
  async setMinimum(q: Queryable, s: { tenantId: string; warehouseId: string; partId: string; minimum: number; at: Date }): Promise<StockRow> {
    const [row] = await q.query<StockRow>(
      `INSERT INTO inventory_stock (warehouse_id, part_id, tenant_id, minimum, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (warehouse_id, part_id) DO UPDATE SET minimum = EXCLUDED.minimum, updated_at = EXCLUDED.updated_at
       RETURNING ${STOCK}`,
      [s.warehouseId, s.partId, s.tenantId, s.minimum, s.at],
    );
    return row;
  },
  /** Marks the row low (once per fall below the minimum) or no longer low; true when it changed. */
  async markLow(q: Queryable, warehouseId: string, partId: string, low: Date | null): Promise<boolean> {
    const rows = await q.query(
      `UPDATE inventory_stock SET low_since = $3 WHERE warehouse_id = $1 AND part_id = $2 AND (low_since IS NULL) = ($3::timestamptz IS NOT NULL) RETURNING part_id`,
      [warehouseId, partId, low],
    );
    return rows.length > 0;
  },
  async insertMovement(q: Queryable, m: MovementInsert): Promise<void> {
    await q.query(
      `INSERT INTO inventory_movements (id, tenant_id, part_id, warehouse_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, ticket_id, reservation_id, transfer_id, reason, actor_id, actor_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [m.id, m.tenantId, m.partId, m.warehouseId, m.kind, m.onHandDelta, m.reservedDelta, m.onHandAfter, m.reservedAfter, m.ticketId, m.reservationId, m.transferId, m.reason, m.actorId, m.actorName, m.at],
    );
  },
  /** A part's ledger, newest first; `before` is the id of the last row of the previous page. */
  movements(q: Queryable, f: { partId: string; warehouseId?: string; ticketId?: string; limit: number; before?: string }): Promise<MovementRow[]> {
    return q.query<MovementRow>(
      `SELECT m.id, m.part_id, m.warehouse_id, w.name AS warehouse_name, m.kind, m.on_hand_delta, m.reserved_delta, m.on_hand_after, m.reserved_after,
              m.ticket_id, m.reservation_id, m.transfer_id, m.reason, m.actor_name, m.created_at
       FROM inventory_movements m JOIN inventory_warehouses w ON w.id = m.warehouse_id
       WHERE m.tenant_id = current_tenant_id() AND m.part_id = $1 AND ($2::uuid IS NULL OR m.warehouse_id = $2) AND ($3::uuid IS NULL OR m.ticket_id = $3)
         AND ($5::uuid IS NULL OR m.id < $5)
       ORDER BY m.id DESC LIMIT $4`,
      [f.partId, f.warehouseId ?? null, f.ticketId ?? null, f.limit, f.before ?? null],
    );
  },
  /** The stock rows of these parts (all of them when null), with their warehouse. */
  places(q: Queryable, partIds: string[] | null): Promise<PlaceRow[]> {
    return q.query<PlaceRow>(
      `SELECT s.warehouse_id, s.part_id, w.name, w.kind, w.owner_user_id, w.lat, w.lng, s.on_hand, s.reserved, s.minimum
       FROM inventory_stock s JOIN inventory_warehouses w ON w.id = s.warehouse_id
       WHERE s.tenant_id = current_tenant_id() AND w.active AND ($1::uuid[] IS NULL OR s.part_id = ANY($1::uuid[]))
       ORDER BY w.name, s.part_id`,
      [partIds],
    );
  },
  /** One warehouse's stock rows. */
  ofWarehouse(q: Queryable, warehouseId: string): Promise<(StockRow & { code: string; name: string; unit: string })[]> {
    return q.query(
      `SELECT s.warehouse_id, s.part_id, s.on_hand, s.reserved, s.minimum, s.low_since, p.code, p.name, p.unit
       FROM inventory_stock s JOIN inventory_parts p ON p.id = s.part_id WHERE s.warehouse_id = $1 ORDER BY p.code`,
      [warehouseId],
    );
  },
};
