import type { Queryable } from '../../../platform/db/database';

// The tenants' bulk recomputation jobs (sla_recompute_jobs, migration 0035). The only SQL on that table.

export interface RecomputeJobRow {
  tenant_id: string;
  generation: number;
  requested_at: Date;
  cursor_ticket_id: string | null;
  started_at: Date | null;
  finished_at: Date | null;
  tickets_done: number;
}

const COLUMNS = 'tenant_id, generation, requested_at, cursor_ticket_id, started_at, finished_at, tickets_done';

export const recomputeRepository = {
  /**
   * Asks for a new pass over the tenant's open tickets: a new generation, from the first ticket. Waits
   * while a worker holds the job for a chunk (at most one chunk's transaction).
   */
  async request(q: Queryable, tenantId: string, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO sla_recompute_jobs (tenant_id, generation, requested_at, updated_at) VALUES ($1, 1, $2, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET generation = sla_recompute_jobs.generation + 1, requested_at = excluded.requested_at,
         cursor_ticket_id = NULL, started_at = NULL, finished_at = NULL, tickets_done = 0, updated_at = excluded.updated_at`,
      [tenantId, at],
    );
  },

  /** The tenants with an unfinished job, oldest request first (system transaction: all tenants; nothing locked). */
  async pendingTenants(q: Queryable, limit: number): Promise<string[]> {
    const rows = await q.query<{ tenant_id: string }>(`SELECT tenant_id FROM sla_recompute_jobs WHERE finished_at IS NULL ORDER BY requested_at LIMIT $1`, [limit]);
    return rows.map((r) => r.tenant_id);
  },

  /** The current tenant's unfinished job, locked until the transaction ends; null when finished or held by another worker. */
  async claim(q: Queryable): Promise<RecomputeJobRow | null> {
    const [r] = await q.query<RecomputeJobRow>(
      `SELECT ${COLUMNS} FROM sla_recompute_jobs WHERE tenant_id = current_tenant_id() AND finished_at IS NULL FOR UPDATE SKIP LOCKED`,
    );
    return r ?? null;
  },

  /** Records a chunk: the cursor moves to `cursor`, `done` more tickets; `finished`: the pass has ended. */
  async advance(q: Queryable, o: { generation: number; cursor: string | null; done: number; finished: boolean; at: Date }): Promise<void> {
    await q.query(
      `UPDATE sla_recompute_jobs SET cursor_ticket_id = coalesce($2, cursor_ticket_id), tickets_done = tickets_done + $3,
         started_at = coalesce(started_at, $4), finished_at = CASE WHEN $5::boolean THEN $4::timestamptz END, updated_at = $4
       WHERE tenant_id = current_tenant_id() AND generation = $1`,
      [o.generation, o.cursor, o.done, o.at, o.finished],
    );
  },

  /** The current tenant's job (null: never requested). */
  async current(q: Queryable): Promise<RecomputeJobRow | null> {
    const [r] = await q.query<RecomputeJobRow>(`SELECT ${COLUMNS} FROM sla_recompute_jobs WHERE tenant_id = current_tenant_id()`);
    return r ?? null;
  },
};
