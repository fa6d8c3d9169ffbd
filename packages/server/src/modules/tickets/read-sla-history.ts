import type { Queryable } from '../../platform/db/database';
import { slaHistoryRepository } from './sla-history-repository';

export interface SlaHistoryEvent {
  eventId: string;
  at: Date;
  /**
   * 'status' (from → to), 'reply' (with who wrote it and whether public), 'work_started' (dispatch),
   * 'departed' / 'checked_in' (the engineer's phone: 出发 / 签到; `at` is the phone's time of the step),
   * 'visit_booked' (预约上门: the window agreed with the customer ends at `bookedUntil`)
   */
  kind: 'status' | 'reply' | 'work_started' | 'departed' | 'checked_in' | 'visit_booked';
  channel: string;
  statusFrom: string | null;
  statusTo: string | null;
  /** reply: 'staff' (a person or an API key), 'customer' (a contact, in the portal or by a channel), 'system' */
  author: 'staff' | 'customer' | 'system' | null;
  internal: boolean;
  /** reply: its plain text */
  text: string;
  /** visit_booked: the end of the booked window */
  bookedUntil: Date | null;
}

function authorOf(authorType: string | null, actorType: string): SlaHistoryEvent['author'] {
  const t = authorType ?? actorType;
  if (t === 'contact') return 'customer';
  if (t === 'user' || t === 'api_key') return 'staff';
  return 'system';
}

const KINDS: Record<string, SlaHistoryEvent['kind']> = { 'ticket.updated': 'status', 'reply.added': 'reply', 'dispatch.started': 'work_started', 'field.depart': 'departed', 'field.check_in': 'checked_in', 'field.visit_booked': 'visit_booked' };

/** The events of these tickets that move SLA clocks, oldest first, by ticket (one statement). */
export async function slaHistory(q: Queryable, ticketIds: string[]): Promise<Map<string, SlaHistoryEvent[]>> {
  const out = new Map<string, SlaHistoryEvent[]>(ticketIds.map((id) => [id, []]));
  for (const r of await slaHistoryRepository.byTickets(q, ticketIds)) {
    const kind = KINDS[r.kind] ?? 'work_started';
    const stepAt = r.step_at ? new Date(r.step_at) : null;
    out.get(r.ticket_id)?.push({
      eventId: r.id,
      // a step sent late (the phone was offline) counts when it was done
      at: stepAt && Number.isFinite(stepAt.getTime()) ? stepAt : r.created_at,
      kind,
      channel: r.channel,
      statusFrom: r.status_from,
      statusTo: r.status_to,
      author: kind === 'reply' ? authorOf(r.author_type, r.actor_type) : null,
      internal: r.internal,
      text: r.body_text ?? '',
      bookedUntil: r.booked_until && Number.isFinite(Date.parse(r.booked_until)) ? new Date(r.booked_until) : null,
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
