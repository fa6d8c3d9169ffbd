import type { Queryable } from '../../platform/db/database';
import type { Status } from './ticket-rules';

export interface CustomerTicketRow {
  id: string;
  number: number | string;
  title: string;
  status: Status;
  category_id: string | null;
  type_id: string | null;
  requester_id: string | null;
  channel: string;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
}

export interface PublicAttachmentRow {
  id: string;
  comment_id: string | null;
  filename: string;
  content_type: string;
  size: number | string;
  storage_key: string;
  created_at: Date;
}

const TICKET = 'id, number, title, status, category_id, type_id, requester_id, channel, created_at, updated_at, resolved_at';

// Reads behind what the self-service portal shows a customer of their tickets (read-customer-view.ts).
export const customerViewRepository = {
  async ticket(q: Queryable, id: string): Promise<CustomerTicketRow | undefined> {
    const [row] = await q.query<CustomerTicketRow>(`SELECT ${TICKET} FROM tickets WHERE id = $1`, [id]);
    return row;
  },
  /** A requester's tickets of every channel, most recently updated first. */
  async ofRequester(q: Queryable, contactId: string, limit: number): Promise<CustomerTicketRow[]> {
    return q.query<CustomerTicketRow>(
      `SELECT ${TICKET} FROM tickets WHERE tenant_id = current_tenant_id() AND requester_id = $1 ORDER BY updated_at DESC, id DESC LIMIT $2`,
      [contactId, limit],
    );
  },
  /** Files the customer may see: not internal, and sent with a reply or uploaded by no staff member (their own). */
  async publicAttachments(q: Queryable, ticketId: string): Promise<PublicAttachmentRow[]> {
    return q.query<PublicAttachmentRow>(
      `SELECT id, comment_id, filename, content_type, size, storage_key, created_at FROM attachments
       WHERE tenant_id = current_tenant_id() AND ticket_id = $1 AND NOT internal AND (comment_id IS NOT NULL OR uploaded_by IS NULL)
         AND (comment_id IS NULL OR EXISTS (SELECT 1 FROM comments c WHERE c.id = attachments.comment_id AND NOT c.internal))
       ORDER BY created_at, id`,
      [ticketId],
    );
  },
  /**
   * The median minutes from creation to the first public staff reply of the tenant's tickets created
   * since `since` (of one category, or of those without one), and how many tickets it is taken over.
   */
  async medianFirstReply(q: Queryable, categoryId: string | null, since: Date): Promise<{ minutes: number | null; n: number }> {
    const [row] = await q.query<{ minutes: number | string | null; n: number | string }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_at - t.created_at) / 60) AS minutes, count(*) AS n
       FROM tickets t
       JOIN LATERAL (SELECT min(c.created_at) AS first_at FROM comments c
                     WHERE c.ticket_id = t.id AND NOT c.internal AND c.author_type IN ('user', 'api_key')) f ON f.first_at IS NOT NULL
       WHERE t.tenant_id = current_tenant_id() AND t.created_at >= $2 AND t.category_id IS NOT DISTINCT FROM $1::uuid`,
      [categoryId, since],
    );
    return { minutes: row?.minutes === null || row?.minutes === undefined ? null : Number(row.minutes), n: Number(row?.n ?? 0) };
  },
};
