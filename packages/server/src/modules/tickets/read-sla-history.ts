import type { Queryable } from '../../platform/db/database';
import { slaHistoryRepository } from './sla-history-repository';

export interface SlaHistoryEvent {
  eventId: string;
  at: Date;
  /** 'status' (from → to), 'reply' (with who wrote it and whether public) or 'work_started' (dispatch) */
  kind: 'status' | 'reply' | 'work_started';
  channel: string;
  statusFrom: string | null;
  statusTo: string | null;
  /** reply: 'staff' (a person or an API key), 'customer' (a contact, in the portal or by a channel), 'system' */
  author: 'staff' | 'customer' | 'system' | null;
  internal: boolean;
  /** reply: its plain text */
  text: string;
}

function authorOf(authorType: string | null, actorType: string): SlaHistoryEvent['author'] {
  const t = authorType ?? actorType;
  if (t === 'contact') return 'customer';
  if (t === 'user' || t === 'api_key') return 'staff';
  return 'system';
}

/** The events of these tickets that move SLA clocks, oldest first, by ticket (one statement). */
export async function slaHistory(q: Queryable, ticketIds: string[]): Promise<Map<string, SlaHistoryEvent[]>> {
  const out = new Map<string, SlaHistoryEvent[]>(ticketIds.map((id) => [id, []]));
  for (const r of await slaHistoryRepository.byTickets(q, ticketIds)) {
    const kind = r.kind === 'ticket.updated' ? 'status' : r.kind === 'reply.added' ? 'reply' : 'work_started';
    out.get(r.ticket_id)?.push({
      eventId: r.id,
      at: r.created_at,
      kind,
      channel: r.channel,
      statusFrom: r.status_from,
      statusTo: r.status_to,
      author: kind === 'reply' ? authorOf(r.author_type, r.actor_type) : null,
      internal: r.internal,
      text: r.body_text ?? '',
    });
  }
  return out;
}

/**
 * Up to `limit` ids of the tenant's tickets that are not closed, in id order after `afterId` (null: from
 * the first): the SLA module's bulk recomputation walks them chunk by chunk.
 */
export function slaOpenTicketIds(q: Queryable, afterId: string | null, limit: number): Promise<string[]> {
  return slaHistoryRepository.openIdsAfter(q, afterId, limit);
}
