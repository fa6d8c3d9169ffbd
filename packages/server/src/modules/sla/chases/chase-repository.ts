import type { Queryable } from '../../../platform/db/database';

// 催单 records (ticket_chases): one per customer message that asked again, numbered per ticket in the
// order they were recorded (seq 1, 2, 3 …). The only SQL on ticket_chases.

export interface NewChase {
  id: string;
  ticketId: string;
  eventId: string;
  channel: string;
  excerpt: string;
  at: Date;
}

export const chaseRepository = {
  /**
   * Records the chases not recorded yet (one per ticket and message), each numbered after the ticket's
   * last (in message order within the call); returns those it inserted with their seq. The tickets are
   * locked first (advisory, in id order) so that two transactions never number a ticket's chases at
   * once; UNIQUE (ticket_id, seq) would refuse the second anyway.
   */
  async insertNew(q: Queryable, tenantId: string, list: NewChase[]): Promise<{ ticket_id: string; event_id: string; seq: number }[]> {
    if (!list.length) return [];
    await q.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('sla.chases:' || s.t::text, 0)) FROM (SELECT DISTINCT t FROM unnest($1::uuid[]) AS t ORDER BY t) s`,
      [list.map((c) => c.ticketId)],
    );
    return q.query(
      `INSERT INTO ticket_chases (id, tenant_id, ticket_id, event_id, channel, excerpt, created_at, seq)
       SELECT v.id, $1::uuid, v.ticket_id, v.event_id, v.channel, v.excerpt, v.created_at,
              coalesce((SELECT max(c.seq) FROM ticket_chases c WHERE c.ticket_id = v.ticket_id), 0)
                + row_number() OVER (PARTITION BY v.ticket_id ORDER BY v.created_at, v.event_id)
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamptz[]) AS v(id, ticket_id, event_id, channel, excerpt, created_at)
       WHERE NOT EXISTS (SELECT 1 FROM ticket_chases c WHERE c.ticket_id = v.ticket_id AND c.event_id = v.event_id)
       ON CONFLICT (ticket_id, event_id) DO NOTHING RETURNING ticket_id, event_id, seq`,
      [tenantId, list.map((c) => c.id), list.map((c) => c.ticketId), list.map((c) => c.eventId), list.map((c) => c.channel), list.map((c) => c.excerpt), list.map((c) => c.at)],
    );
  },
  /**
   * Chases per ticket: all recorded, or for a ticket with `upTo` (a recorded chase's message), those
   * recorded up to and including that one (all when that message is no recorded chase).
   */
  async countsByTicket(q: Queryable, list: { ticketId: string; upTo: string | null }[]): Promise<Map<string, number>> {
    if (!list.length) return new Map();
    const rows = await q.query<{ ticket_id: string; n: number }>(
      `SELECT v.ticket_id, (SELECT count(*)::int FROM ticket_chases c WHERE c.ticket_id = v.ticket_id
                 AND c.seq <= coalesce((SELECT u.seq FROM ticket_chases u WHERE u.ticket_id = v.ticket_id AND u.event_id = v.up_to), 2147483647)) AS n
       FROM unnest($1::uuid[], $2::uuid[]) AS v(ticket_id, up_to)`,
      [list.map((c) => c.ticketId), list.map((c) => c.upTo)],
    );
    return new Map(rows.map((r) => [r.ticket_id, r.n]));
  },
};
