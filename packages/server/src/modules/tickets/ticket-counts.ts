import type { Queryable } from '../../platform/db/database';
import { ticketRepository } from './ticket-repository';

/** System transaction: how many tickets each tenant has (tenants without any are absent). */
export async function ticketCountsByTenant(q: Queryable): Promise<Map<string, number>> {
  return new Map((await ticketRepository.countsByTenant(q)).map((r) => [r.tenant_id, r.n]));
}
