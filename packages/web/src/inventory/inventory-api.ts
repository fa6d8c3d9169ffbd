import { api } from '../api/client';
import type { Answer, Body, Item, Schema } from '../api/contract';

// The inventory endpoints (备件 / 仓库 / 库存) the console calls, their types and query keys.

export type Part = Schema<'Part'>;
export type StockLevel = Item<Part['stock']>;
export type Warehouse = Schema<'Warehouse'>;
export type TicketParts = Schema<'TicketParts'>;
export type Movement = Schema<'StockMovement'>;
export type WarehouseBody = Body<'/api/v1/inventory/warehouses', 'post'>;
export type PartBody = Body<'/api/v1/inventory/parts', 'post'>;
export type ReserveLine = Item<Body<'/api/v1/tickets/{id}/parts/reservations', 'post'>['lines']>;
type MovementPage = Answer<'/api/v1/inventory/parts/{id}/movements', 'get'>;

export const inventoryApi = {
  parts: (q?: string) => api.get<{ items: Part[] }>('/inventory/parts', { q: q || undefined, limit: 500 }),
  createPart: (body: PartBody) => api.post<Part>('/inventory/parts', body),
  updatePart: (id: string, body: Partial<PartBody>) => api.patch<Part>(`/inventory/parts/${id}`, body),
  warehouses: () => api.get<{ items: Warehouse[] }>('/inventory/warehouses'),
  createWarehouse: (body: WarehouseBody) => api.post<Warehouse>('/inventory/warehouses', body),
  updateWarehouse: (id: string, body: Partial<WarehouseBody>) => api.patch<Warehouse>(`/inventory/warehouses/${id}`, body),
  receive: (body: Body<'/api/v1/inventory/stock/receive', 'post'>) => api.post('/inventory/stock/receive', body),
  transfer: (body: Body<'/api/v1/inventory/stock/transfer', 'post'>) => api.post('/inventory/stock/transfer', body),
  adjust: (body: Body<'/api/v1/inventory/stock/adjust', 'post'>) => api.post('/inventory/stock/adjust', body),
  movements: (partId: string, before?: string) => api.get<MovementPage>(`/inventory/parts/${partId}/movements`, { limit: 50, before }),
  ticketParts: (ticketId: string) => api.get<TicketParts>(`/tickets/${ticketId}/parts`),
  reserve: (ticketId: string, lines: ReserveLine[]) => api.post(`/tickets/${ticketId}/parts/reservations`, { lines }),
  release: (ticketId: string, reservationId: string) => api.delete<void>(`/tickets/${ticketId}/parts/reservations/${reservationId}`),
};

export const inventoryKeys = {
  parts: (q: string) => ['inventory', 'parts', q] as const,
  warehouses: ['inventory', 'warehouses'] as const,
  ticket: (ticketId: string) => ['inventory', 'ticket', ticketId] as const,
  movements: (partId: string) => ['inventory', 'movements', partId] as const,
};
