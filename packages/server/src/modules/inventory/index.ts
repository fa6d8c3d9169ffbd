// Inventory (备件 / 仓库 / 库存): warehouses, parts, stock per warehouse with minimums and a movement
// ledger, reservations of a ticket, usage from the phone, and the settlement at the ticket's resolution;
// part suggestions from the parts past jobs of the same kind used. Other modules use only this surface.
export { inventoryRoutes } from './routes';
export { connectInventory, INVENTORY_CONSUMER, settleTicketParts } from './connect-inventory';
export { createWarehouse, updateWarehouse } from './save-warehouse';
export { createPart, updatePart } from './save-part';
export { receiveStock } from './receive-stock';
export { transferStock } from './transfer-stock';
export { adjustStock } from './adjust-stock';
export { reserveParts } from './reserve-parts';
export { recordUsage } from './record-usage';
export type { UsageAnswer } from './record-usage';
export { getTicketParts } from './get-ticket-parts';
export type { TicketParts } from './get-ticket-parts';
export { getVanStock } from './get-van-stock';
export { LOW_STOCK_KIND } from './move-stock';
