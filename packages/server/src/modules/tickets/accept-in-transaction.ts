import type { Queryable } from '../../platform/db/database';
import type { EventActor } from './event-repository';
import { eventRepository } from './event-repository';
import { VIA_DISPATCH } from './assign-in-transaction';
import { ticketRepository } from './ticket-repository';
import { statusTimestamps } from './ticket-rules';

/**
 * 受理 inside the caller's transaction: a ticket still 待受理 (`new`) becomes 处理中 (`open`) once its
 * assignee has it for good — they accepted the offer (接单), started it, or dispatch gave it with no
 * acceptance step. The usual `ticket.updated` status event (so the SLA clocks and the parent follow);
 * any other status is left as it is. True when the status changed.
 */
export async function acceptInTransaction(q: Queryable, actor: EventActor, ticketId: string, o: { at: Date; channel?: string }): Promise<boolean> {
  const t = await ticketRepository.byId(q, ticketId, { forUpdate: true });
  if (!t || t.status !== 'new') return false;
  const updated = await ticketRepository.update(q, ticketId, { status: 'open', ...statusTimestamps('open', o.at), updated_at: o.at }, null);
  const changes = { status: { from: 'new', to: 'open' } };
  await eventRepository.append(q, { ticketId, kind: 'ticket.updated', actor, channel: o.channel ?? 'web', at: o.at, data: { changes, via: VIA_DISPATCH } });
  if (updated.parent_id)
    await eventRepository.append(q, { ticketId: updated.parent_id, kind: 'subtask.status_changed', actor, channel: o.channel ?? 'web', at: o.at, data: { childId: ticketId, number: Number(updated.number), changes } });
  return true;
}
