import type { Queryable } from '../../platform/db/database';
import { storedTiers } from '../customers';
import { requesterRepeats } from '../tickets';

export interface PriorityFacts {
  ticket_id: string;
  priority: string;
  status: string;
  /** the requester's tier (the contact's, else its organization's); null when neither has one */
  tier: string | null;
  repeats: number;
}

/**
 * For each ticket: its priority, status, the customer's tier and how many of the requester's open
 * tickets since `since` match its words. Two statements for the whole list (the tickets, then their
 * requesters' tiers), in ticket id order.
 */
export async function priorityFacts(q: Queryable, list: { ticketId: string; words: string }[], since: Date): Promise<PriorityFacts[]> {
  const tickets = await requesterRepeats(q, list, since);
  if (!tickets.length) return [];
  const tiers = await storedTiers(q, [...new Set(tickets.flatMap((t) => (t.requester_id ? [t.requester_id] : [])))]);
  return tickets.map((t) => ({ ticket_id: t.ticket_id, priority: t.priority, status: t.status, tier: (t.requester_id && tiers.get(t.requester_id)) ?? null, repeats: t.repeats }));
}
