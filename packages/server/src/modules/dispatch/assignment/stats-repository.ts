import type { Queryable } from '../../../platform/db/database';

// dispatch_person_stats: each person's speed and first-time-fix rate per category, learnt from closed
// tickets; dispatch_category_durations: the minutes on site per category, learnt from completed visits.

export interface StatRow {
  user_id: string;
  category_id: string;
  solved: number;
  median_resolution_min: number;
  first_fix_rate: number;
}

export const statsRepository = {
  async all(q: Queryable): Promise<StatRow[]> {
    return q.query<StatRow>('SELECT user_id, category_id, solved, median_resolution_min, first_fix_rate FROM dispatch_person_stats WHERE tenant_id = current_tenant_id()');
  },
  /** Replaces the tenant's statistics with these (read from the tickets, whose references exist). */
  async replace(q: Queryable, tenantId: string, rows: StatRow[], at: Date): Promise<number> {
    await q.query('DELETE FROM dispatch_person_stats WHERE tenant_id = current_tenant_id()');
    if (!rows.length) return 0;
    const out = await q.query(
      `INSERT INTO dispatch_person_stats (tenant_id, user_id, category_id, solved, median_resolution_min, first_fix_rate, computed_at)
       SELECT $1, u.user_id, u.category_id, u.solved, u.median, least(1, greatest(0, u.rate)), $7
       FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::float8[], $6::float8[]) AS u(user_id, category_id, solved, median, rate)
       RETURNING user_id`,
      [tenantId, rows.map((r) => r.user_id), rows.map((r) => r.category_id), rows.map((r) => r.solved), rows.map((r) => r.median_resolution_min), rows.map((r) => r.first_fix_rate), at],
    );
    return out.length;
  },

  /** categoryId → median minutes on site learnt from completed visits. */
  async durations(q: Queryable): Promise<Map<string, number>> {
    const rows = await q.query<{ category_id: string; median_on_site_min: number }>('SELECT category_id, median_on_site_min FROM dispatch_category_durations WHERE tenant_id = current_tenant_id()');
    return new Map(rows.map((r) => [r.category_id, Number(r.median_on_site_min)]));
  },
  /** Replaces the tenant's learnt minutes on site with these. */
  async replaceDurations(q: Queryable, tenantId: string, rows: { categoryId: string; visits: number; medianMin: number }[], at: Date): Promise<number> {
    await q.query('DELETE FROM dispatch_category_durations WHERE tenant_id = current_tenant_id()');
    if (!rows.length) return 0;
    const out = await q.query(
      `INSERT INTO dispatch_category_durations (tenant_id, category_id, visits, median_on_site_min, computed_at)
       SELECT $1, u.category_id, u.visits, u.median, $5 FROM unnest($2::uuid[], $3::int[], $4::float8[]) AS u(category_id, visits, median)
       RETURNING category_id`,
      [tenantId, rows.map((r) => r.categoryId), rows.map((r) => r.visits), rows.map((r) => r.medianMin), at],
    );
    return out.length;
  },
};
