import type { Queryable } from '../../../platform/db/database';

// 催单 records (ticket_chases): one per customer message that asked again. The only SQL on ticket_chases.

export interface NewChase {
  id: string;
  ticketId: string;
  eventId: string;
  channel: string;
  excerpt: string;
  at: Date;
}

export const chaseRepository = {
  /** Inserts the chases not recorded yet (one per ticket and message); returns those it inserted. */
  async insertNew(q: Queryable, tenantId: string, list: NewChase[]): Promise<{ ticket_id: string; event_id: string }[]> {
    if (!list.length) return [];
    return q.query(
      `INSERT INTO ticket_chases (id, tenant_id, ticket_id, event_id, channel, excerpt, created_at)
       SELECT v.id, $1::uuid, v.ticket_id, v.event_id, v.channel, v.excerpt, v.created_at
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[]) AS v(id, ticket_id, event_id, channel, excerpt, created_at)
       ON CONFLICT (ticket_id, event_id) DO NOTHING RETURNING ticket_id, event_id`,
      [tenantId, list.map((c) => c.id), list.map((c) => c.ticketId), list.map((c) => c.eventId), list.map((c) => c.channel), list.map((c) => c.excerpt), list.map((c) => c.at)],
    );
  },
  /** Chases per ticket, each ticket's recorded up to (and including) the given message. */
  async countsUpTo(q: Queryable, list: { ticketId: string; eventId: string }[]): Promise<Map<string, number>> {
    if (!list.length) return new Map();
    const rows = await q.query<{ event_id: string; n: number }>(
      `SELECT v.event_id, (SELECT count(*)::int FROM ticket_chases c WHERE c.ticket_id = v.ticket_id AND c.event_id <= v.event_id) AS n
       FROM unnest($1::uuid[], $2::uuid[]) AS v(ticket_id, event_id)`,
      [list.map((c) => c.ticketId), list.map((c) => c.eventId)],
    );
    return new Map(rows.map((r) => [r.event_id, r.n]));
  },
  /** Chases per ticket: all recorded, or for a ticket with `upTo`, those up to (and including) that message. */
  async countsByTicket(q: Queryable, list: { ticketId: string; upTo: string | null }[]): Promise<Map<string, number>> {
    if (!list.length) return new Map();
    const rows = await q.query<{ ticket_id: string; n: number }>(
      `SELECT v.ticket_id, (SELECT count(*)::int FROM ticket_chases c WHERE c.ticket_id = v.ticket_id AND (v.up_to IS NULL OR c.event_id <= v.up_to)) AS n
       FROM unnest($1::uuid[], $2::uuid[]) AS v(ticket_id, up_to)`,
      [list.map((c) => c.ticketId), list.map((c) => c.upTo)],
    );
    return new Map(rows.map((r) => [r.ticket_id, r.n]));
  },
};
