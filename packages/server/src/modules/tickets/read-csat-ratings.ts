import type { Queryable } from '../../platform/db/database';
import { csatRatingRepository } from './csat-rating-repository';

export interface CsatRating {
  eventId: string;
  ticketId: string;
  at: Date;
  score: number;
  nps: number | null;
  /** 'survey' (the rating page / portal) or the channel a bare score came on */
  via: string;
  teamId: string | null;
  assigneeId: string | null;
  categoryId: string | null;
}

/** The ratings (`csat.received` events) recorded in [from, to), oldest first, with the ticket's current team, assignee and category. */
export async function csatRatings(q: Queryable, from: Date, to: Date, o: { teamId?: string | null } = {}): Promise<CsatRating[]> {
  const rows = await csatRatingRepository.between(q, from, to, o);
  return rows.map((r) => ({ eventId: r.event_id, ticketId: r.ticket_id, at: r.created_at, score: r.score, nps: r.nps, via: r.via, teamId: r.team_id, assigneeId: r.assignee_id, categoryId: r.category_id }));
}
