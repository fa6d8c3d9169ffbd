import type { Queryable } from '../../platform/db/database';

// The only file that touches assist_events.

export interface ShownRow {
  id: string;
  ticket_id: string;
  category_id: string | null;
  user_id: string | null;
  item_kind: 'article' | 'ticket';
  item_id: string;
  rank: number;
}

export interface PortalEventRow {
  session_id: string;
  kind: 'search' | 'article_view' | 'request_started' | 'request_submitted';
  created_at: Date;
}

export interface CategoryCounts {
  category_id: string | null;
  shown_tickets: number;
  used_tickets: number;
}

export const assistRepository = {
  /** One shown row per suggested item (its id is the suggestion id), in one statement. */
  async insertShown(q: Queryable, tenantId: string, rows: ShownRow[], at: Date): Promise<void> {
    if (!rows.length) return;
    await q.query(
      `INSERT INTO assist_events (id, tenant_id, kind, suggestion_id, ticket_id, category_id, user_id, item_kind, item_id, rank, created_at)
       SELECT r.id, $1, 'shown', r.id, r.ticket_id, r.category_id, r.user_id, r.item_kind, r.item_id, r.rank, $3
       FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, ticket_id uuid, category_id uuid, user_id uuid, item_kind text, item_id uuid, rank int)`,
      [tenantId, JSON.stringify(rows), at],
    );
  },
  /** The shown row of a suggestion on a ticket. */
  async shown(q: Queryable, suggestionId: string, ticketId: string): Promise<ShownRow | undefined> {
    const [row] = await q.query<ShownRow>(
      `SELECT id, ticket_id, category_id, user_id, item_kind, item_id, rank FROM assist_events
       WHERE suggestion_id = $1 AND kind = 'shown' AND ticket_id = $2`,
      [suggestionId, ticketId],
    );
    return row;
  },
  /** A used row, once per suggestion: false when it was already recorded (the first mode stays). */
  async insertUsed(q: Queryable, e: { id: string; tenantId: string; shown: ShownRow; userId: string | null; mode: 'link' | 'text'; at: Date }): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO assist_events (id, tenant_id, kind, suggestion_id, ticket_id, category_id, user_id, item_kind, item_id, mode, created_at)
       VALUES ($1, $2, 'used', $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (suggestion_id, kind) WHERE suggestion_id IS NOT NULL DO NOTHING RETURNING id`,
      [e.id, e.tenantId, e.shown.id, e.shown.ticket_id, e.shown.category_id, e.userId, e.shown.item_kind, e.shown.item_id, e.mode, e.at],
    );
    return rows.length > 0;
  },
  /** A rated row, once per suggestion: a second rating replaces the first (the agent changed their mind). */
  async upsertRated(q: Queryable, e: { id: string; tenantId: string; shown: ShownRow; userId: string | null; helpful: boolean; at: Date }): Promise<void> {
    await q.query(
      `INSERT INTO assist_events (id, tenant_id, kind, suggestion_id, ticket_id, category_id, user_id, item_kind, item_id, helpful, created_at)
       VALUES ($1, $2, 'rated', $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (suggestion_id, kind) WHERE suggestion_id IS NOT NULL
       DO UPDATE SET helpful = EXCLUDED.helpful, user_id = EXCLUDED.user_id, created_at = EXCLUDED.created_at`,
      [e.id, e.tenantId, e.shown.id, e.shown.ticket_id, e.shown.category_id, e.userId, e.shown.item_kind, e.shown.item_id, e.helpful, e.at],
    );
  },
  /** Per item suggested on a ticket: whether it was ever used there, and its latest rating. */
  async reactionsOnTicket(q: Queryable, ticketId: string): Promise<{ item_kind: string; item_id: string; used: boolean; helpful: boolean | null }[]> {
    return q.query(
      `SELECT item_kind, item_id::text AS item_id, bool_or(kind = 'used') AS used,
              (array_agg(helpful ORDER BY created_at DESC) FILTER (WHERE kind = 'rated'))[1] AS helpful
       FROM assist_events WHERE ticket_id = $1 AND kind IN ('used', 'rated') GROUP BY item_kind, item_id`,
      [ticketId],
    );
  },
  async insertPortal(q: Queryable, e: { id: string; tenantId: string; sessionId: string; kind: PortalEventRow['kind']; articleId: string | null; query: string | null; at: Date | null }): Promise<void> {
    await q.query(
      `INSERT INTO assist_events (id, tenant_id, kind, session_id, article_id, query, created_at) VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()))`,
      [e.id, e.tenantId, e.kind, e.sessionId, e.articleId, e.query, e.at],
    );
  },
  /**
   * Per category of the tickets shown suggestions in [from, to): tickets shown any, and tickets on
   * which one of those shown suggestions was used (a ticket counts once per category it was shown in).
   */
  async hitCounts(q: Queryable, from: Date, to: Date): Promise<CategoryCounts[]> {
    return q.query<CategoryCounts>(
      `SELECT s.category_id, count(DISTINCT s.ticket_id)::int AS shown_tickets,
              count(DISTINCT s.ticket_id) FILTER (WHERE EXISTS (
                SELECT 1 FROM assist_events u WHERE u.suggestion_id = s.id AND u.kind = 'used'))::int AS used_tickets
       FROM assist_events s
       WHERE s.tenant_id = current_tenant_id() AND s.kind = 'shown' AND s.created_at >= $1 AND s.created_at < $2
       GROUP BY s.category_id`,
      [from, to],
    );
  },
  /** Ticket-level totals over all categories (a ticket whose category changed counts once). */
  async hitTotals(q: Queryable, from: Date, to: Date): Promise<{ shown_tickets: number; used_tickets: number; shown: number; used: number }> {
    const [r] = await q.query<{ shown_tickets: number; used_tickets: number; shown: number; used: number }>(
      `SELECT count(DISTINCT s.ticket_id)::int AS shown_tickets,
              count(DISTINCT s.ticket_id) FILTER (WHERE u.id IS NOT NULL)::int AS used_tickets,
              count(*)::int AS shown, count(u.id)::int AS used
       FROM assist_events s LEFT JOIN assist_events u ON u.suggestion_id = s.id AND u.kind = 'used'
       WHERE s.tenant_id = current_tenant_id() AND s.kind = 'shown' AND s.created_at >= $1 AND s.created_at < $2`,
      [from, to],
    );
    return r;
  },
  /** Ratings of suggestions shown in [from, to): helpful and not. */
  async ratingCounts(q: Queryable, from: Date, to: Date): Promise<{ helpful: number; not_helpful: number }> {
    const [r] = await q.query<{ helpful: number; not_helpful: number }>(
      `SELECT count(*) FILTER (WHERE r.helpful)::int AS helpful, count(*) FILTER (WHERE NOT r.helpful)::int AS not_helpful
       FROM assist_events s JOIN assist_events r ON r.suggestion_id = s.id AND r.kind = 'rated'
       WHERE s.tenant_id = current_tenant_id() AND s.kind = 'shown' AND s.created_at >= $1 AND s.created_at < $2`,
      [from, to],
    );
    return r;
  },
  /** Portal events in [from, until), by session and time: the input of the deflection rule. */
  async portalEvents(q: Queryable, from: Date, until: Date): Promise<PortalEventRow[]> {
    return q.query<PortalEventRow>(
      `SELECT session_id, kind, created_at FROM assist_events
       WHERE tenant_id = current_tenant_id() AND session_id IS NOT NULL AND created_at >= $1 AND created_at < $2
       ORDER BY session_id, created_at, id`,
      [from, until],
    );
  },
};
