import type { Queryable } from '../../../platform/db/database';

// dispatch_policies: how tickets are dispatched, for the tenant, a team or a category.

export interface PolicyRow {
  id: string;
  scope: 'tenant' | 'team' | 'category';
  scope_id: string | null;
  mode: 'manual' | 'round_robin' | 'least_loaded' | 'skills' | 'scored' | 'batch';
  /** person: anyone eligible; outlet: the nearest 服务网点 that can do it, then its best person */
  target: 'person' | 'outlet';
  weights: Record<string, number>;
  batch_window_s: number;
  accept_timeout_s: number | null;
  overflow_team_id: string | null;
  overflow_threshold: number | null;
  speed_kmh: number;
  position_stale_min: number;
  default_capacity: { ticket: number; chat: number; field: number };
  /** 每日上限 of the people without their own, per kind; a kind absent: no daily limit */
  default_daily_limit: { ticket?: number; chat?: number; field?: number };
  /** 日内优化 by itself: the sweep moves this policy's jobs not started to whoever is nearer */
  auto_improve: boolean;
  updated_at: Date;
}
export type PolicyFields = Omit<PolicyRow, 'id' | 'updated_at'>;

const COLUMNS = `id, scope, scope_id, mode, target, weights, batch_window_s, accept_timeout_s, overflow_team_id, overflow_threshold, speed_kmh,
  position_stale_min, default_capacity, default_daily_limit, auto_improve, updated_at`;
const SCOPE_RANK = `CASE scope WHEN 'tenant' THEN 0 WHEN 'team' THEN 1 ELSE 2 END`;

export const policyRepository = {
  async list(q: Queryable): Promise<PolicyRow[]> {
    return q.query<PolicyRow>(`SELECT ${COLUMNS} FROM dispatch_policies WHERE tenant_id = current_tenant_id() ORDER BY ${SCOPE_RANK}, scope_id`);
  },
  /** Whether the tenant has set up dispatch (any policy): until then dispatch only recommends, on request. */
  async exists(q: Queryable): Promise<boolean> {
    const [r] = await q.query<{ on: boolean }>('SELECT EXISTS (SELECT 1 FROM dispatch_policies WHERE tenant_id = current_tenant_id()) AS on');
    return r.on;
  },
  /** The policy of a scope, locked for a change that merges with it. */
  async byScopeForUpdate(q: Queryable, scope: string, scopeId: string | null): Promise<PolicyRow | undefined> {
    const [row] = await q.query<PolicyRow>(`SELECT ${COLUMNS} FROM dispatch_policies WHERE tenant_id = current_tenant_id() AND scope = $1 AND scope_id IS NOT DISTINCT FROM $2 FOR UPDATE`, [scope, scopeId]);
    return row;
  },
  /** Creates or replaces the policy of a scope. */
  async put(q: Queryable, tenantId: string, id: string, p: PolicyFields, now: Date): Promise<PolicyRow> {
    const [row] = await q.query<PolicyRow>(
      `INSERT INTO dispatch_policies (id, tenant_id, scope, scope_id, mode, weights, batch_window_s, accept_timeout_s, overflow_team_id,
         overflow_threshold, speed_kmh, position_stale_min, default_capacity, created_at, updated_at, target, auto_improve, default_daily_limit)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $14, $15, $16, $17::jsonb)
       ON CONFLICT (tenant_id, scope, coalesce(scope_id, '00000000-0000-0000-0000-000000000000'::uuid)) DO UPDATE SET
         mode = EXCLUDED.mode, target = EXCLUDED.target, weights = EXCLUDED.weights, batch_window_s = EXCLUDED.batch_window_s, accept_timeout_s = EXCLUDED.accept_timeout_s,
         overflow_team_id = EXCLUDED.overflow_team_id, overflow_threshold = EXCLUDED.overflow_threshold, speed_kmh = EXCLUDED.speed_kmh,
         position_stale_min = EXCLUDED.position_stale_min, default_capacity = EXCLUDED.default_capacity, auto_improve = EXCLUDED.auto_improve, default_daily_limit = EXCLUDED.default_daily_limit,
         updated_at = EXCLUDED.updated_at
       RETURNING ${COLUMNS}`,
      [id, tenantId, p.scope, p.scope_id, p.mode, JSON.stringify(p.weights), p.batch_window_s, p.accept_timeout_s, p.overflow_team_id,
        p.overflow_threshold, p.speed_kmh, p.position_stale_min, JSON.stringify(p.default_capacity), now, p.target, p.auto_improve, JSON.stringify(p.default_daily_limit)],
    );
    return row;
  },
  async delete(q: Queryable, scope: string, scopeId: string | null): Promise<boolean> {
    const rows = await q.query(`DELETE FROM dispatch_policies WHERE tenant_id = current_tenant_id() AND scope = $1 AND scope_id IS NOT DISTINCT FROM $2 RETURNING id`, [scope, scopeId]);
    return rows.length > 0;
  },
};
