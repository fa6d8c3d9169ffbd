import type { Queryable } from '../../platform/db/database';

// Tickets' texts, labels and the words they share, as other modules read them (the intelligence
// module learns from them and looks for repeats among them; read-ticket-texts.ts exports them). Each is
// one statement.

/** A top-level ticket's text and the labels it carries. */
export interface LabelledTicket {
  id: string;
  title: string;
  description: string;
  category_id: string | null;
  team_id: string | null;
  priority: string;
  created_at: Date;
}

/** A ticket that may be the same problem as another (its text cut to 2,000 characters). */
export interface SimilarTicket {
  id: string;
  number: number;
  title: string;
  description: string;
  status: string;
  requester_id: string | null;
  created_at: Date;
}

const SIMILAR_COLUMNS = `t.id, t.number::int AS number, t.title, left(t.description, 2000) AS description, t.status, t.requester_id, t.created_at`;

/** The newest `limit` top-level tickets with their labels, newest first. */
async function labelledTickets(q: Queryable, limit: number): Promise<LabelledTicket[]> {
  return q.query<LabelledTicket>(
    `SELECT id, title, description, category_id, team_id, priority, created_at FROM tickets
     WHERE parent_id IS NULL ORDER BY created_at DESC LIMIT $1`,
    [limit],
  );
}

/**
 * Tickets in all (counted up to 20,000) and those created, or imported with an older creation time,
 * after `since` (each counted up to 1,000; 0 without `since`).
 */
async function ticketCountsSince(q: Queryable, since: Date | null): Promise<{ tickets: number; newTickets: number }> {
  const [r] = await q.query<{ tickets: number; new_tickets: number }>(
    `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM tickets LIMIT 20000) x) AS tickets,
            (SELECT count(*)::int FROM (SELECT 1 FROM tickets WHERE $1::timestamptz IS NOT NULL AND created_at > $1 LIMIT 1000) y)
            + (SELECT count(*)::int FROM (SELECT 1 FROM tickets WHERE $1::timestamptz IS NOT NULL AND imported_at > $1 AND created_at <= $1 LIMIT 1000) z) AS new_tickets`,
    [since],
  );
  return { tickets: r.tickets, newTickets: r.new_tickets };
}

/**
 * Open tickets other than `ticketId` that may be the same problem: those created since `since` whose
 * text holds a word of the query `words` (the text index finds them; newest `limit`), and the
 * requester's own newest 20 open tickets.
 */
async function openTicketsSharingWords(q: Queryable, ticketId: string, requesterId: string | null, since: Date, words: string, limit: number): Promise<SimilarTicket[]> {
  const open = `t.id <> $1 AND t.status NOT IN ('resolved', 'closed')`;
  return q.query<SimilarTicket>(
    `(SELECT ${SIMILAR_COLUMNS} FROM tickets t WHERE ${open} AND $5 <> '' AND t.created_at >= $2 AND t.search @@ to_tsquery('simple', $5)
        ORDER BY t.created_at DESC LIMIT $4)
     UNION
     (SELECT ${SIMILAR_COLUMNS} FROM tickets t WHERE ${open} AND t.requester_id = $3 ORDER BY t.created_at DESC LIMIT 20)`,
    [ticketId, since, requesterId, limit, words],
  );
}

/**
 * Solved tickets (other than `ticketId`) since `since` whose text holds a word of the query `words`,
 * newest `limit` first. `fewMatches`: the words are rare among the tenant's tickets. The planner
 * cannot know that (a word missing from its statistics is guessed common) and walks the solved
 * tickets newest first looking for 100 that match — all of them when none does: 1 s at 1,000,000
 * tickets. Ordering by an expression the created_at index cannot give makes it read the few matches
 * through the word index instead (0.3 ms); for common words the index walk stays (18 ms, where the
 * word index would read 55,000 matches: 330 ms).
 */
async function solvedTicketsSharingWords(q: Queryable, ticketId: string, since: Date, words: string, limit: number, fewMatches = false): Promise<SimilarTicket[]> {
  if (!words) return [];
  const order = fewMatches ? `t.created_at + interval '0 seconds'` : 't.created_at';
  return q.query<SimilarTicket>(
    `SELECT ${SIMILAR_COLUMNS}
     FROM tickets t WHERE t.status IN ('resolved', 'closed') AND t.id <> $4 AND t.created_at >= $1 AND t.search @@ to_tsquery('simple', $2)
     ORDER BY ${order} DESC LIMIT $3`,
    [since, words, limit, ticketId],
  );
}

/**
 * The data of a ticket's creation event (its snapshot and what the intelligence stage recorded); of
 * an imported ticket, its import event. Empty when there is none.
 */
async function creationEventData(q: Queryable, ticketId: string): Promise<Record<string, unknown>> {
  const [r] = await q.query<{ data: Record<string, unknown> }>(
    `SELECT data FROM ticket_events WHERE ticket_id = $1 AND kind IN ('ticket.created', 'ticket.imported') ORDER BY id LIMIT 1`,
    [ticketId],
  );
  return r?.data ?? {};
}

/** A solved ticket's text, category and resolution (what the knowledge gaps are found among). */
export interface SolvedTicketText {
  id: string;
  number: number;
  title: string;
  description: string;
  category_id: string | null;
  resolution: string | null;
  resolved_at: Date | null;
}

/** Top-level tickets resolved (or closed) since `since`, newest change first (the status index reads them), their text cut to 1,000 characters. */
async function solvedTicketsSince(q: Queryable, since: Date, limit: number): Promise<SolvedTicketText[]> {
  return q.query<SolvedTicketText>(
    `SELECT id, number::int AS number, title, left(description, 1000) AS description, category_id, resolution, resolved_at FROM tickets
     WHERE tenant_id = current_tenant_id() AND status IN ('resolved', 'closed') AND updated_at >= $1 AND parent_id IS NULL
       AND coalesce(resolved_at, closed_at, updated_at) >= $1
     ORDER BY updated_at DESC LIMIT $2`,
    [since, limit],
  );
}

export const ticketTextRepository = { solvedTicketsSince, labelledTickets, ticketCountsSince, openTicketsSharingWords, solvedTicketsSharingWords, creationEventData };
