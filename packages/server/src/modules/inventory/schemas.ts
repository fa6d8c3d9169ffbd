import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';

const Iso = z.string().describe('ISO-8601 date-time');
const Qty = z.number().int().min(1).max(100_000);
const Reason = z.string().trim().max(500);

export const WarehouseKind = z.enum(['central', 'regional', 'van']).describe('central 中心库, regional 区域库, van an engineer’s van (车载库)');
export const WarehouseBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(100),
  kind: WarehouseKind,
  ownerUserId: Uuid.nullable().optional().describe('A van’s engineer (required for a van)'),
  keeperUserId: Uuid.nullable().optional().describe('The keeper (库管员), told when stock falls below a minimum'),
  address: z.string().max(300).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  active: z.boolean().optional(),
});
export const WarehousePatch = WarehouseBody.partial();
export const WarehouseSchema = z
  .object({ id: Uuid, name: z.string(), kind: WarehouseKind, ownerUserId: Uuid.nullable(), keeperUserId: Uuid.nullable(), address: z.string().nullable(), lat: z.number().nullable(), lng: z.number().nullable(), active: z.boolean(), createdAt: Iso, updatedAt: Iso })
  .meta({ id: 'Warehouse' });
export const WarehouseList = z.object({ items: z.array(WarehouseSchema) });

export const PartBody = z.strictObject({
  code: z.string().trim().min(1, 'must not be empty').max(60),
  name: z.string().trim().min(1, 'must not be empty').max(200),
  unit: z.string().trim().min(1).max(20).optional().describe('个, 条, 套, 米…; default 个'),
  models: z.array(z.string().trim().min(1).max(100)).max(100).optional().describe('The device models it fits (empty: any)'),
  productLine: z.string().trim().max(100).nullable().optional(),
  price: z.number().min(0).max(100_000_000).nullable().optional(),
  active: z.boolean().optional(),
});
export const PartPatch = PartBody.partial();
export const StockLevel = z.object({ warehouseId: Uuid, warehouseName: z.string(), kind: WarehouseKind, onHand: z.number().int(), reserved: z.number().int(), available: z.number().int(), minimum: z.number().int(), low: z.boolean() });
export const PartSchema = z
  .object({ id: Uuid, code: z.string(), name: z.string(), unit: z.string(), models: z.array(z.string()), productLine: z.string().nullable(), price: z.number().nullable(), active: z.boolean(), createdAt: Iso, updatedAt: Iso, stock: z.array(StockLevel) })
  .meta({ id: 'Part' });
export const PartList = z.object({ items: z.array(PartSchema) });
export const ListPartsQuery = z.strictObject({
  q: z.string().max(100).optional().describe('A part of the code or the name'),
  model: z.string().max(100).optional().describe('Only parts that fit this device model'),
  limit: Limit(500, 100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ReceiveBody = z.strictObject({ warehouseId: Uuid, partId: Uuid, qty: Qty, reason: Reason.optional() });
export const ReturnBody = z.strictObject({ warehouseId: Uuid, partId: Uuid, qty: Qty, ticketId: Uuid.optional(), reason: Reason.optional() });
export const TransferBody = z.strictObject({ fromWarehouseId: Uuid, toWarehouseId: Uuid, partId: Uuid, qty: Qty, reason: Reason.optional() });
export const AdjustBody = z.strictObject({
  warehouseId: Uuid,
  partId: Uuid,
  delta: z.number().int().min(-100_000).max(100_000).refine((d) => d !== 0, 'must not be 0').optional().describe('Add (or with a minus, take) this many; refused below what is reserved'),
  minimum: z.number().int().min(0).max(100_000).optional().describe('The minimum level (低于下限时通知库管员)'),
  reason: Reason.min(1, 'say why (盘点, 损坏…)'),
});
export const StockChange = z.object({ levels: z.array(StockLevel.extend({ partId: Uuid })) }).meta({ id: 'StockChange' });

export const MovementSchema = z
  .object({
    id: Uuid,
    partId: Uuid,
    warehouseId: Uuid,
    warehouseName: z.string(),
    kind: z.enum(['received', 'reserved', 'drawn', 'returned', 'transferred_out', 'transferred_in', 'released', 'adjusted']),
    onHandDelta: z.number().int(),
    reservedDelta: z.number().int(),
    onHandAfter: z.number().int(),
    reservedAfter: z.number().int(),
    ticketId: Uuid.nullable(),
    reason: z.string().nullable(),
    actorName: z.string(),
    createdAt: Iso,
  })
  .meta({ id: 'StockMovement' });
export const MovementList = z.object({ items: z.array(MovementSchema), nextBefore: Uuid.nullable() });
export const MovementsQuery = z.strictObject({ warehouseId: Uuid.optional(), ticketId: Uuid.optional(), limit: Limit(200, 50), before: Uuid.optional().describe('nextBefore of the previous page') });

const PartLine = { partId: Uuid, code: z.string(), name: z.string(), unit: z.string() };
export const TicketPartsSchema = z
  .object({
    suggested: z.array(z.object({ ...PartLine, qty: z.number().int(), reason: z.string(), basis: z.object({ scope: z.enum(['category_model', 'category']), jobs: z.number().int(), used: z.number().int() }) })),
    reservations: z.array(z.object({ id: Uuid, ...PartLine, warehouseId: Uuid, warehouseName: z.string(), qty: z.number().int(), drawn: z.number().int(), state: z.enum(['active', 'drawn', 'released']), createdAt: Iso })),
    used: z.array(z.object({ id: Uuid, opId: Uuid, ...PartLine, warehouseId: Uuid.nullable(), warehouseName: z.string().nullable(), qty: z.number().int(), drawn: z.number().int(), state: z.enum(['recorded', 'drawn']), createdAt: Iso })),
    nearest: z.array(z.object({ partId: Uuid, warehouses: z.array(z.object({ id: Uuid, name: z.string(), kind: WarehouseKind, km: z.number().nullable(), available: z.number().int() })) })),
  })
  .meta({ id: 'TicketParts' });
export const TicketReservations = z.object({ reservations: TicketPartsSchema.shape.reservations }).meta({ id: 'TicketReservations' });
export const ReserveBody = z.strictObject({ lines: z.array(z.strictObject({ partId: Uuid, warehouseId: Uuid, qty: Qty })).min(1).max(50) });
export const UsageBody = z.strictObject({
  opId: Uuid.describe('A uuid the client made for this action: the same opId again returns the first answer and changes nothing'),
  lines: z.array(z.strictObject({ partId: Uuid, warehouseId: Uuid.optional().describe('Where it came from (the van); else the reserving warehouse'), qty: Qty })).min(1).max(50),
});
export const UsageAnswer = z.object({ opId: Uuid, ticketId: Uuid, lines: z.array(z.object({ id: Uuid, partId: Uuid, warehouseId: Uuid.nullable(), qty: z.number().int(), state: z.enum(['recorded', 'drawn']), drawn: z.number().int() })) }).meta({ id: 'PartsUsage' });
export const TicketParams = z.strictObject({ id: Uuid });
export const ReservationParams = z.strictObject({ id: Uuid, reservationId: Uuid });
export const VanStockSchema = z
  .object({ warehouses: z.array(z.object({ id: Uuid, name: z.string(), items: z.array(z.object({ ...PartLine, onHand: z.number().int(), reserved: z.number().int(), available: z.number().int(), minimum: z.number().int() })) })) })
  .meta({ id: 'VanStock' });
