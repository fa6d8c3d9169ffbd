import type { Deps } from '../../platform/deps';
import { operatorRepository } from './operator-repository';

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
  const rows = await deps.db.system((q) => operatorRepository.tenantSummaries(q));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    timeZone: r.time_zone,
    users: r.users,
    tickets: r.tickets,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
