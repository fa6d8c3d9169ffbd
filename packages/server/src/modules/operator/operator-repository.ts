import type { Queryable } from '../../platform/db/database';

export interface TenantSummaryRow {
  id: string;
  slug: string;
  name: string;
  time_zone: string | null;
  created_at: Date;
  users: number;
  tickets: number;
}

// Cross-tenant reads for the platform operator; run in a system transaction (no tenant bound).
export const operatorRepository = {
  async tenantSummaries(q: Queryable): Promise<TenantSummaryRow[]> {
    return q.query<TenantSummaryRow>(
      `SELECT t.id, t.slug, t.name, t.settings->>'timeZone' AS time_zone, t.created_at,
         (SELECT count(*) FROM users u WHERE u.tenant_id = t.id)::int AS users,
         (SELECT count(*) FROM tickets k WHERE k.tenant_id = t.id)::int AS tickets
       FROM tenants t ORDER BY t.created_at, t.id`,
    );
  },
};
