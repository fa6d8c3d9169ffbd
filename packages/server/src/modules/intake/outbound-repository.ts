import type { Queryable } from '../../platform/db/database';

export interface OutboundRow {
  id: string;
  ticket_id: string;
  comment_id: string;
  channel: string;
  recipient: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  external_id: string | null;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const COLUMNS = 'id, ticket_id, comment_id, channel, recipient, state, attempts, external_id, last_error, created_at, sent_at';

export const outboundRepository = {
  /** The delivery record of a comment on a channel, created pending on first sight. */
  async ensure(q: Queryable, o: { id: string; tenantId: string; ticketId: string; commentId: string; channel: string; recipient: string; at: Date }): Promise<OutboundRow> {
    await q.query(
      `INSERT INTO outbound_messages (id, tenant_id, ticket_id, comment_id, channel, recipient, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, comment_id, channel) DO NOTHING`,
      [o.id, o.tenantId, o.ticketId, o.commentId, o.channel, o.recipient, o.at],
    );
    const [row] = await q.query<OutboundRow>(`SELECT ${COLUMNS} FROM outbound_messages WHERE comment_id = $1 AND channel = $2`, [o.commentId, o.channel]);
    return row;
  },
  /** Claims a pending delivery for sending until `until`; false when it is not pending or another sender holds it. */
  async claim(q: Queryable, id: string, now: Date, until: Date): Promise<boolean> {
    const rows = await q.query(
      `UPDATE outbound_messages SET claimed_until = $3 WHERE id = $1 AND state = 'pending' AND (claimed_until IS NULL OR claimed_until < $2) RETURNING id`,
      [id, now, until],
    );
    return rows.length > 0;
  },
  /** A failed attempt that may succeed later: the claim is given back. */
  async release(q: Queryable, id: string, error: string): Promise<void> {
    await q.query('UPDATE outbound_messages SET claimed_until = NULL, attempts = attempts + 1, last_error = $2 WHERE id = $1', [id, error]);
  },
  async finish(q: Queryable, id: string, r: { state: 'sent' | 'failed' | 'pending'; externalId?: string | null; error?: string | null; at: Date }): Promise<void> {
    await q.query(
      `UPDATE outbound_messages SET state = $2, external_id = COALESCE($3, external_id), last_error = $4, attempts = attempts + 1, claimed_until = NULL,
         sent_at = CASE WHEN $2 = 'sent' THEN $5::timestamptz ELSE sent_at END WHERE id = $1`,
      [id, r.state, r.externalId ?? null, r.error ?? null, r.at],
    );
  },
  async forTicket(q: Queryable, ticketId: string): Promise<OutboundRow[]> {
    return q.query<OutboundRow>(`SELECT ${COLUMNS} FROM outbound_messages WHERE tenant_id = current_tenant_id() AND ticket_id = $1 ORDER BY created_at`, [ticketId]);
  },
  /** The channel configuration the ticket's customer last wrote through on this channel. */
  async lastChannelId(q: Queryable, ticketId: string, channel: string): Promise<string | null> {
    const [row] = await q.query<{ channel_id: string | null }>(
      `SELECT channel_id FROM inbound_messages WHERE tenant_id = current_tenant_id() AND ticket_id = $1 AND channel = $2 AND channel_id IS NOT NULL
       ORDER BY received_at DESC LIMIT 1`,
      [ticketId, channel],
    );
    return row?.channel_id ?? null;
  },
};
