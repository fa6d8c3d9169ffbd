import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/deps';
import { actorOf } from '../../platform/http/auth';
import { crudRoutes } from '../../platform/http/crud-routes';
import { created, IdParams, noContent, ok } from '../../platform/http/schemas';
import { adjustStock } from './adjust-stock';
import { cancelReservation } from './cancel-reservation';
import { getTicketParts } from './get-ticket-parts';
import { getVanStock } from './get-van-stock';
import { listMovements } from './list-movements';
import { getPart, listParts } from './list-parts';
import { listWarehouses } from './list-warehouses';
import { receiveStock } from './receive-stock';
import { recordUsage } from './record-usage';
import { reserveParts } from './reserve-parts';
import { returnStock } from './return-stock';
import { createPart, updatePart } from './save-part';
import { createWarehouse, updateWarehouse } from './save-warehouse';
import {
  AdjustBody,
  ListPartsQuery,
  MovementList,
  MovementsQuery,
  PartBody,
  PartList,
  PartPatch,
  PartSchema,
  ReceiveBody,
  ReservationParams,
  ReserveBody,
  ReturnBody,
  StockChange,
  TicketParams,
  TicketPartsSchema,
  TicketReservations,
  TransferBody,
  UsageAnswer,
  UsageBody,
  VanStockSchema,
  WarehouseBody,
  WarehouseList,
  WarehousePatch,
  WarehouseSchema,
} from './schemas';
import { transferStock } from './transfer-stock';

/** 备件 / 仓库 / 库存: warehouses, parts, stock changes and the ledger; a ticket's parts (the phone calls these). */
export function inventoryRoutes(app: FastifyInstance, deps: Deps) {
  const warehouses = crudRoutes(app, deps, { path: '/api/v1/inventory/warehouses', tag: 'inventory' });
  warehouses.list({ summary: 'Warehouses (staff): 中心库, 区域库, engineers’ vans', response: WarehouseList, run: async (deps, actor) => ({ items: await listWarehouses(deps, actor) }) });
  warehouses.create({ summary: 'Add a warehouse (admins and supervisors); a van needs its engineer (ownerUserId)', body: WarehouseBody, response: WarehouseSchema, run: createWarehouse });
  warehouses.update({ summary: 'Change a warehouse (admins and supervisors)', body: WarehousePatch, response: WarehouseSchema, run: updateWarehouse });

  const parts = crudRoutes(app, deps, { path: '/api/v1/inventory/parts', tag: 'inventory' });
  parts.list({ summary: 'Parts by code with their stock per warehouse (staff); q searches code and name, model the parts that fit it', query: ListPartsQuery, response: PartList, run: async (deps, actor, query) => ({ items: await listParts(deps, actor, query) }) });
  parts.create({ summary: 'Add a part (admins and supervisors); the code is unique', body: PartBody, response: PartSchema, run: createPart });
  parts.get({ summary: 'One part with its stock per warehouse (staff)', response: PartSchema, run: getPart });
  parts.update({ summary: 'Change a part (admins and supervisors)', body: PartPatch, response: PartSchema, run: updatePart });

  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  r.get('/api/v1/inventory/parts/:id/movements', {
    schema: { tags, summary: 'A part’s ledger (台账), newest first: received, reserved, drawn, returned, transferred, released, adjusted (staff)', params: IdParams, querystring: MovementsQuery, response: ok(MovementList) },
    handler: async (req) => listMovements(deps, actorOf(req), req.params.id, req.query),
  });
  const stock = [
    ['receive', '入库: units arrive in a warehouse', ReceiveBody, receiveStock],
    ['return', '退回: drawn units come back into a warehouse', ReturnBody, returnStock],
    ['transfer', '调拨: units move from one warehouse’s available stock to another; 409 STOCK_INSUFFICIENT when it has not enough', TransferBody, transferStock],
    ['adjust', '盘点调整 with a reason: change on hand (never below reserved) and / or set the minimum', AdjustBody, adjustStock],
  ] as const;
  for (const [path, summary, body, run] of stock)
    r.post(`/api/v1/inventory/stock/${path}`, {
      schema: { tags, summary: `${summary} (admins, supervisors and the warehouse keeper)`, body, response: ok(StockChange) },
      handler: async (req) => (run as (d: Deps, a: ReturnType<typeof actorOf>, i: unknown) => Promise<unknown>)(deps, actorOf(req), req.body) as never,
    });
  r.get('/api/v1/me/van-stock', {
    schema: { tags, summary: 'What is in the signed-in engineer’s van(s)', response: ok(VanStockSchema) },
    handler: async (req) => getVanStock(deps, actorOf(req)),
  });

  r.get('/api/v1/tickets/:id/parts', {
    schema: { tags, summary: 'A ticket’s parts: suggested (with the reason), the nearest warehouses that have them (km from the site), reservations and usage', params: TicketParams, response: ok(TicketPartsSchema) },
    handler: async (req) => getTicketParts(deps, actorOf(req), req.params.id),
  });
  r.post('/api/v1/tickets/:id/parts/reservations', {
    schema: { tags, summary: '预占 parts for the ticket, all or nothing: 409 STOCK_INSUFFICIENT naming the part when a warehouse has not enough', params: TicketParams, body: ReserveBody, response: created(TicketReservations) },
    handler: async (req, reply) => reply.status(201).send(await reserveParts(deps, actorOf(req), req.params.id, req.body)),
  });
  r.delete('/api/v1/tickets/:id/parts/reservations/:reservationId', {
    schema: { tags, summary: 'Release an active reservation of the ticket', params: ReservationParams, response: noContent() },
    handler: async (req, reply) => {
      await cancelReservation(deps, actorOf(req), req.params.id, req.params.reservationId);
      return reply.status(204).send();
    },
  });
  r.post('/api/v1/tickets/:id/parts/usage', {
    schema: { tags, summary: 'Parts used on the ticket (from the phone), idempotent by opId: the same opId again returns the first answer and changes nothing; drawn at the resolution (at once on a resolved ticket)', params: TicketParams, body: UsageBody, response: ok(UsageAnswer) },
    handler: async (req) => recordUsage(deps, actorOf(req), req.params.id, req.body),
  });
}
