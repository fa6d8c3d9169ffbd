import type { Queryable } from '../../platform/db/database';
import type { Status, LinkKind } from './ticket-rules';

export interface StoredLinkRow {
  ticket_id: string;
  target_id: string;
  kind: LinkKind;
}

/** A link seen from one ticket, with the ticket at the other end. */
export interface LinkedTicketRow {
  direction: 'outgoing' | 'incoming';
  kind: LinkKind;
  created_at: Date;
  id: string;
  number: number;
  title: string;
  status: Status;
  assignee_id: string | null;
  team_id: string | null;
  requester_id: string | null;
}

export const linkRepository = {
  /** Links of any kind between two tickets, in either direction. */
  async between(q: Queryable, a: string, b: string): Promise<StoredLinkRow[]> {
    return q.query<StoredLinkRow>(
      `SELECT ticket_id, target_id, kind FROM ticket_links
       WHERE (ticket_id = $1 AND target_id = $2) OR (ticket_id = $2 AND target_id = $1)`,
      [a, b],
    );
  },
  /** False when the link already exists. */
  async insert(q: Queryable, l: { tenantId: string; ticketId: string; targetId: string; kind: LinkKind; createdBy: string | null; at: Date }): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO ticket_links (tenant_id, ticket_id, target_id, kind, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (ticket_id, target_id, kind) DO NOTHING RETURNING kind`,
      [l.tenantId, l.ticketId, l.targetId, l.kind, l.createdBy, l.at],
    );
    return rows.length > 0;
  },
  async remove(q: Queryable, links: StoredLinkRow[]): Promise<StoredLinkRow[]> {
    if (!links.length) return [];
    return q.query<StoredLinkRow>(
      `DELETE FROM ticket_links l USING unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(ticket_id, target_id, kind)
       WHERE l.ticket_id = x.ticket_id AND l.target_id = x.target_id AND l.kind = x.kind
       RETURNING l.ticket_id, l.target_id, l.kind`,
      [links.map((l) => l.ticket_id), links.map((l) => l.target_id), links.map((l) => l.kind)],
    );
  },
  /** Both directions: links this ticket holds (outgoing) and links other tickets hold to it (incoming). */
  async forTicket(q: Queryable, ticketId: string): Promise<LinkedTicketRow[]> {
    return q.query<LinkedTicketRow>(
      `SELECT 'outgoing' AS direction, l.kind, l.created_at, t.id, t.number, t.title, t.status, t.assignee_id, t.team_id, t.requester_id
         FROM ticket_links l JOIN tickets t ON t.id = l.target_id
         WHERE l.tenant_id = current_tenant_id() AND l.ticket_id = $1
       UNION ALL
       SELECT 'incoming', l.kind, l.created_at, t.id, t.number, t.title, t.status, t.assignee_id, t.team_id, t.requester_id
         FROM ticket_links l JOIN tickets t ON t.id = l.ticket_id
         WHERE l.tenant_id = current_tenant_id() AND l.target_id = $1
       ORDER BY created_at, number`,
      [ticketId],
    );
  },
};
