import type { Queryable } from '../../platform/db/database';

// The tickets an article was drafted from (source) or solved (solved).
export const linkRepository = {
  async link(q: Queryable, l: { tenant_id: string; article_id: string; ticket_id: string; kind: 'source' | 'solved'; created_at: Date }): Promise<void> {
    await q.query(
      `INSERT INTO kb_article_tickets (tenant_id, article_id, ticket_id, kind, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [l.tenant_id, l.article_id, l.ticket_id, l.kind, l.created_at],
    );
  },
  async ticketsOf(q: Queryable, articleId: string): Promise<{ ticket_id: string; kind: 'source' | 'solved' }[]> {
    return q.query(`SELECT ticket_id, kind FROM kb_article_tickets WHERE article_id = $1 ORDER BY created_at, ticket_id`, [articleId]);
  },
  /** The articles (any state but retired) drafted from or solving this ticket. */
  async articlesOfTicket(q: Queryable, ticketId: string): Promise<{ article_id: string; state: string }[]> {
    return q.query(
      `SELECT l.article_id, a.state FROM kb_article_tickets l JOIN kb_articles a ON a.id = l.article_id WHERE l.ticket_id = $1 AND a.state <> 'retired' ORDER BY l.created_at`,
      [ticketId],
    );
  },
  /** Tickets linked to published articles, among these. */
  async linkedToPublished(q: Queryable, ticketIds: string[]): Promise<string[]> {
    if (!ticketIds.length) return [];
    const rows = await q.query<{ ticket_id: string }>(
      `SELECT DISTINCT l.ticket_id FROM kb_article_tickets l JOIN kb_articles a ON a.id = l.article_id WHERE l.ticket_id = ANY($1::uuid[]) AND a.state = 'published'`,
      [ticketIds],
    );
    return rows.map((r) => r.ticket_id);
  },
};
