import type { Queryable } from '../../platform/db/database';

// What dispatch reads of tickets: the facts a decision needs, the learnt statistics of closed tickets,
// the open on-site tickets of the dispatch map. Behind read-dispatch-facts.ts.

export interface DispatchFactsRow {
  id: string;
  number: number;
  title: string;
  status: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  channel: string;
  type_id: string | null;
  category_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  requester_id: string | null;
  organization_id: string | null;
  custom_fields: Record<string, unknown>;
  site_lat: number | null;
  site_lng: number | null;
  site_address: string | null;
  /** the asset the ticket is about (sla: a maintenance contract's policy) */
  asset_id: string | null;
  /** a sub-task's parent (its paperwork is not a visit unless it has a site of its own) */
  parent_id: string | null;
  created_at: Date;
}

const FACTS = `id, number::int AS number, title, status, priority, channel, type_id, category_id, team_id, assignee_id, requester_id,
  organization_id, custom_fields, site_lat, site_lng, site_address, asset_id, parent_id, created_at`;

export const dispatchFactsRepository = {
  async byIds(q: Queryable, ids: string[]): Promise<DispatchFactsRow[]> {
    if (!ids.length) return [];
    return q.query<DispatchFactsRow>(`SELECT ${FACTS} FROM tickets WHERE id = ANY($1::uuid[])`, [ids]);
  },

  /** The sites of these tickets (those without one left out): what dispatch plans a person's jobs with. */
  async sites(q: Queryable, ids: string[]): Promise<{ id: string; site_lat: number; site_lng: number }[]> {
    if (!ids.length) return [];
    return q.query(`SELECT id, site_lat, site_lng FROM tickets WHERE id = ANY($1::uuid[]) AND site_lat IS NOT NULL AND site_lng IS NOT NULL`, [ids]);
  },

  /** Open tickets with a site or among `ids`, created since, newest first. */
  async openOnSite(q: Queryable, since: Date, alsoIds: string[], limit: number): Promise<DispatchFactsRow[]> {
    return q.query<DispatchFactsRow>(
      `SELECT ${FACTS} FROM tickets WHERE tenant_id = current_tenant_id() AND status NOT IN ('resolved', 'closed') AND created_at >= $1
         AND (site_lat IS NOT NULL OR id = ANY($2::uuid[]))
       ORDER BY created_at DESC LIMIT $3`,
      [since, alsoIds, limit],
    );
  },

  /**
   * Per assignee and category, of the tickets resolved or closed since `since` (imported ones included):
   * how many, the median minutes from creation to resolution, and the share never reopened.
   */
  async resolutionStats(q: Queryable, since: Date): Promise<{ user_id: string; category_id: string; solved: number; median_min: number; first_fix_rate: number }[]> {
    return q.query(
      `SELECT t.assignee_id AS user_id, t.category_id, count(*)::int AS solved,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, extract(epoch FROM coalesce(t.resolved_at, t.closed_at) - t.created_at) / 60))::float8 AS median_min,
         avg(CASE WHEN EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.kind = 'ticket.updated'
               AND e.data->'changes'->'status'->>'from' IN ('resolved', 'closed')) THEN 0 ELSE 1 END)::float8 AS first_fix_rate
       FROM tickets t
       WHERE t.tenant_id = current_tenant_id() AND t.status IN ('resolved', 'closed') AND t.assignee_id IS NOT NULL AND t.category_id IS NOT NULL
         AND coalesce(t.resolved_at, t.closed_at) IS NOT NULL AND coalesce(t.resolved_at, t.closed_at) >= $1
       GROUP BY t.assignee_id, t.category_id`,
      [since],
    );
  },
};
