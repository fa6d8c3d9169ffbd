import type { Queryable } from '../../platform/db/database';

// What the SLA module reads of tickets' histories: the events that move a clock (status changes,
// public and internal replies with who wrote them, dispatch's start of work, the phone's 出发 and 签到),
// oldest first.
// Behind read-sla-history.ts.

export interface SlaHistoryRow {
  ticket_id: string;
  id: string;
  kind: string;
  actor_type: string;
  channel: string;
  internal: boolean;
  /** reply.added: the comment's author (user, api_key, contact, system) */
  author_type: string | null;
  /** reply.added: the comment's plain text */
  body_text: string | null;
  status_from: string | null;
  status_to: string | null;
  /** field steps: when it was done, by the engineer's phone (ISO) */
  step_at: string | null;
  /** field.visit_booked: the end of the window booked with the customer (ISO) */
  booked_until: string | null;
  created_at: Date;
}

/** The phone's 出发 and 签到 (field module): a visit made from the phone is on site at its check-in; a
 * visit booked with the customer (预约上门) sets when the engineer is due on site. */
export const SLA_HISTORY_KINDS = ['reply.added', 'ticket.updated', 'dispatch.started', 'field.depart', 'field.check_in', 'field.visit_booked'];

export const slaHistoryRepository = {
  async byTickets(q: Queryable, ticketIds: string[]): Promise<SlaHistoryRow[]> {
    if (!ticketIds.length) return [];
    return q.query<SlaHistoryRow>(
      `SELECT e.ticket_id, e.id, e.kind, e.actor_type, e.channel, e.internal, c.author_type, c.body_text,
         e.data->'changes'->'status'->>'from' AS status_from, e.data->'changes'->'status'->>'to' AS status_to,
         CASE WHEN e.kind LIKE 'field.%' THEN e.data->>'at' END AS step_at,
         CASE WHEN e.kind = 'field.visit_booked' THEN e.data->>'windowEnd' END AS booked_until, e.created_at
       FROM ticket_events e
       LEFT JOIN comments c ON e.kind = 'reply.added' AND c.id = (e.data->>'commentId')::uuid AND c.ticket_id = e.ticket_id
       WHERE e.tenant_id = current_tenant_id() AND e.ticket_id = ANY($1::uuid[]) AND e.kind = ANY($2::text[])
         AND (e.kind <> 'ticket.updated' OR e.data->'changes' ? 'status')
       ORDER BY e.ticket_id, e.id`,
      [ticketIds, SLA_HISTORY_KINDS],
    );
  },

  /** Up to `limit` ids of the tenant's tickets that are not closed, after `afterId` in id order (keyset). */
  async openIdsAfter(q: Queryable, afterId: string | null, limit: number): Promise<string[]> {
    const rows = await q.query<{ id: string }>(
      `SELECT id FROM tickets WHERE tenant_id = current_tenant_id() AND status <> 'closed' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => r.id);
  },
};
