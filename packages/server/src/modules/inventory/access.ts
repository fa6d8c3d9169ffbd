import { forbidden } from '../../platform/errors';
import { isManager, requireRole, STAFF, type Actor } from '../identity';

// Stock is read by all staff; warehouses and parts are set up by admins and supervisors; stock is
// received, moved and adjusted by them or by the warehouse's keeper; engineers reserve and use parts
// on the tickets they can see.
export const STOCK_READERS = STAFF;
export const INVENTORY_MANAGERS = ['admin', 'supervisor'] as const;

export function requireManager(actor: Actor): void {
  requireRole(actor, [...INVENTORY_MANAGERS]);
}

/** A manager, or the keeper of the warehouse. */
export function requireStockWriter(actor: Actor, warehouse: { keeper_user_id: string | null }): void {
  if (isManager(actor) || (actor.type === 'user' && actor.id !== null && warehouse.keeper_user_id === actor.id)) return;
  throw forbidden('Only admins, supervisors and the warehouse keeper change its stock');
}
