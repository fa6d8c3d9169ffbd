import type { Queryable } from '../../platform/db/database';
import type { TicketEventRow } from './event-repository';

/** An event with what decides who may see it: its ticket's number, assignee, team and requester, as they are now. */
export interface FeedEventRow extends TicketEventRow {
  number: number;
  assignee_id: string | null;
  team_id: string | null;
  requester_id: string | null;
}

// Reads for the live feed: the events the outbox just delivered, in one query.
export const eventFeedRepository = {
  async byIds(q: Queryable, eventIds: string[]): Promise<FeedEventRow[]> {
    return q.query<FeedEventRow>(
      `SELECT e.id, e.ticket_id, e.kind, e.actor_type, e.actor_id, e.actor_name, e.channel, e.internal, e.data, e.created_at,
         t.number, t.assignee_id, t.team_id, t.requester_id
       FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.id = ANY($1::uuid[])
       ORDER BY e.id`,
      [eventIds],
    );
  },
};
