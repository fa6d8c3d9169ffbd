import type { Queryable } from '../../platform/db/database';
import type { Status } from './ticket-rules';

export interface TicketSummaryRow {
  id: string;
  number: number | string;
  title: string;
  description: string;
  status: Status;
  channel: string;
  requester_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
}

export interface PublicCommentRow {
  id: string;
  author_type: 'user' | 'api_key' | 'contact';
  author_id: string | null;
  body_html: string;
  body_text: string;
  channel: string;
  created_at: Date;
}

// Narrow reads of tickets, comments and attachments behind the read functions other modules use
// (read-ticket-refs.ts, read-public-conversation.ts).
export interface AssetTicketRow {
  id: string;
  number: number | string;
  title: string;
  status: Status;
  priority: string;
  channel: string;
  tags: string[];
  assignee_id: string | null;
  created_at: Date;
  resolved_at: Date | null;
}

export const ticketRefRepository = {
  async summary(q: Queryable, id: string): Promise<TicketSummaryRow | undefined> {
    const [row] = await q.query<TicketSummaryRow>(
      'SELECT id, number, title, description, status, channel, requester_id, team_id, assignee_id, created_at, updated_at, resolved_at FROM tickets WHERE id = $1',
      [id],
    );
    return row;
  },
  async headlines(q: Queryable, ids: string[]): Promise<{ id: string; number: number | string; title: string; status: Status }[]> {
    if (!ids.length) return [];
    return q.query('SELECT id, number, title, status FROM tickets WHERE id = ANY($1::uuid[])', [ids]);
  },
  async idByNumber(q: Queryable, number: number): Promise<string | undefined> {
    const [row] = await q.query<{ id: string }>('SELECT id FROM tickets WHERE tenant_id = current_tenant_id() AND number = $1', [number]);
    return row?.id;
  },
  /** The unresolved tickets of a requester, most recently updated first. */
  async openOfRequester(q: Queryable, contactId: string, limit: number): Promise<{ id: string; number: number | string; title: string; status: Status }[]> {
    return q.query(
      `SELECT t.id, t.number, t.title, t.status FROM tickets t
       WHERE t.tenant_id = current_tenant_id() AND t.status NOT IN ('resolved', 'closed') AND t.requester_id = $1
       ORDER BY t.updated_at DESC, t.id DESC LIMIT $2`,
      [contactId, limit],
    );
  },
  /** The tickets about an asset (any channel: alarms, preventive visits, the portal), newest first. */
  async ofAsset(q: Queryable, assetId: string, limit: number): Promise<AssetTicketRow[]> {
    return q.query(
      `SELECT t.id, t.number, t.title, t.status, t.priority, t.channel, t.tags, t.assignee_id, t.created_at, t.resolved_at FROM tickets t
       WHERE t.tenant_id = current_tenant_id() AND t.asset_id = $1 ORDER BY t.created_at DESC, t.id DESC LIMIT $2`,
      [assetId, limit],
    );
  },
  /** Public replies of staff and API keys and the customer's own messages, oldest first (no internal notes, no system lines). */
  async publicComments(q: Queryable, ticketId: string, limit: number): Promise<PublicCommentRow[]> {
    return q.query<PublicCommentRow>(
      `SELECT c.id, c.author_type, c.author_id, c.body_html, c.body_text, c.channel, c.created_at
       FROM comments c WHERE c.tenant_id = current_tenant_id() AND c.ticket_id = $1 AND NOT c.internal AND c.author_type IN ('user', 'api_key', 'contact')
       ORDER BY c.created_at, c.id LIMIT $2`,
      [ticketId, limit],
    );
  },
  async commentText(q: Queryable, commentId: string): Promise<string | undefined> {
    const [row] = await q.query<{ body_text: string }>('SELECT body_text FROM comments WHERE id = $1', [commentId]);
    return row?.body_text;
  },
  async publicFiles(q: Queryable, ids: string[]): Promise<{ filename: string; content_type: string; storage_key: string }[]> {
    if (!ids.length) return [];
    return q.query('SELECT filename, content_type, storage_key FROM attachments WHERE id = ANY($1::uuid[]) AND NOT internal ORDER BY id', [ids]);
  },
};
