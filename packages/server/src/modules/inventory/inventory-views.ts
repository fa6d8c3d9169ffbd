import type { PartRow } from './part-repository';
import type { MovementRow, PlaceRow } from './stock-repository';
import { available, isLow } from './stock-rules';
import type { WarehouseRow } from './warehouse-repository';

// The API shapes of warehouses, parts with their stock, and ledger rows.

export function toWarehouseView(w: WarehouseRow) {
  return {
    id: w.id,
    name: w.name,
    kind: w.kind,
    ownerUserId: w.owner_user_id,
    keeperUserId: w.keeper_user_id,
    address: w.address,
    lat: w.lat,
    lng: w.lng,
    active: w.active,
    createdAt: w.created_at.toISOString(),
    updatedAt: w.updated_at.toISOString(),
  };
}
export type WarehouseView = ReturnType<typeof toWarehouseView>;

export function toStockLevel(s: PlaceRow) {
  const levels = { onHand: s.on_hand, reserved: s.reserved, minimum: s.minimum };
  return { warehouseId: s.warehouse_id, warehouseName: s.name, kind: s.kind, ...levels, available: available(levels), low: isLow(levels) };
}
export type StockLevelView = ReturnType<typeof toStockLevel>;

export function toPartView(p: PartRow, stock: PlaceRow[] = []) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    unit: p.unit,
    models: p.models,
    productLine: p.product_line,
    price: p.price === null ? null : Number(p.price),
    active: p.active,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    stock: stock.map(toStockLevel),
  };
}
export type PartView = ReturnType<typeof toPartView>;

export function toMovementView(m: MovementRow) {
  return {
    id: m.id,
    partId: m.part_id,
    warehouseId: m.warehouse_id,
    warehouseName: m.warehouse_name,
    kind: m.kind,
    onHandDelta: m.on_hand_delta,
    reservedDelta: m.reserved_delta,
    onHandAfter: m.on_hand_after,
    reservedAfter: m.reserved_after,
    ticketId: m.ticket_id,
    reason: m.reason,
    actorName: m.actor_name,
    createdAt: m.created_at.toISOString(),
  };
}
