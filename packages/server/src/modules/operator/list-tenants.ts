import type { Deps } from '../../platform/deps';
import { tenantSummaries } from '../identity';
import { ticketCountsByTenant } from '../tickets';

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  timeZone: string | null;
  users: number;
  tickets: number;
  createdAt: string;
}

/** Platform operator: every tenant with its size, oldest first. */
export async function listTenants(deps: Pick<Deps, 'db'>): Promise<TenantSummary[]> {
  const { tenants, tickets } = await deps.db.system(async (q) => ({ tenants: await tenantSummaries(q), tickets: await ticketCountsByTenant(q) }));
  return tenants.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    timeZone: r.time_zone,
    users: r.users,
    tickets: tickets.get(r.id) ?? 0,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
