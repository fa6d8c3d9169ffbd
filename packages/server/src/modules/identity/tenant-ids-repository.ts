import type { Queryable } from '../../platform/db/database';

/** Every tenant's id, oldest tenant first: for background jobs that visit each tenant (a system transaction). */
async function tenantIds(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ id: string }>(`SELECT id FROM tenants ORDER BY created_at`);
  return rows.map((r) => r.id);
}

export const tenantIdsRepository = { tenantIds };
