import type { Queryable } from '../../platform/db/database';
import { ticketRepository } from './ticket-repository';

/** System transaction: how many tickets each tenant has (tenants without any are absent). */
export async function ticketCountsByTenant(q: Queryable): Promise<Map<string, number>> {
  return new Map((await ticketRepository.countsByTenant(q)).map((r) => [r.tenant_id, r.n]));
}

/** Tenant transaction: how many tickets the tenant has in each status (statuses without any are absent). */
export async function ticketCountsByStatus(q: Queryable): Promise<Record<string, number>> {
  return Object.fromEntries((await ticketRepository.countsByStatus(q)).map((r) => [r.status, r.n]));
}

/** Tenant transaction: whether the tenant has any ticket. */
export function hasTickets(q: Queryable): Promise<boolean> {
  return ticketRepository.any(q);
}
