import type { Queryable } from '../../platform/db/database';

// The ratings in the event log (`csat.received`: a survey answer or a bare score in chat) with the
// ticket's team, assignee and category as they are now, for the satisfaction report. One statement.

export interface CsatRatingRow {
  event_id: string;
  ticket_id: string;
  created_at: Date;
  score: number;
  nps: number | null;
  via: string;
  team_id: string | null;
  assignee_id: string | null;
  category_id: string | null;
}

export const csatRatingRepository = {
  async between(q: Queryable, from: Date, to: Date, o: { teamId?: string | null } = {}): Promise<CsatRatingRow[]> {
    return q.query<CsatRatingRow>(
      `SELECT e.id AS event_id, e.ticket_id, e.created_at, (e.data ->> 'score')::int AS score,
              CASE WHEN jsonb_typeof(e.data -> 'nps') = 'number' THEN (e.data ->> 'nps')::int END AS nps,
              COALESCE(e.data ->> 'via', e.channel) AS via, t.team_id, t.assignee_id, t.category_id
         FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.tenant_id = current_tenant_id() AND e.kind = 'csat.received' AND e.created_at >= $1 AND e.created_at < $2
          AND (e.data ->> 'score') ~ '^[1-5]$'
          AND ($3::uuid IS NULL OR t.team_id = $3)
        ORDER BY e.created_at, e.id`,
      [from, to, o.teamId ?? null],
    );
  },
};
