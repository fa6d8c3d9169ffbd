import type { Queryable } from '../../platform/db/database';
import type { RequesterMove } from '../customers';
import { eventRepository, type EventActor } from './event-repository';
import { ticketRepository } from './ticket-repository';

/**
 * Two contacts were merged (inside the merge's transaction): the tickets the duplicate asked move to
 * the contact that stays, tickets without an organization take the given one, and each moved ticket
 * gets an internal requester.merged event. Returns how many tickets moved.
 */
export async function moveRequesterTickets(q: Queryable, actor: EventActor, m: RequesterMove): Promise<number> {
  const moved = await ticketRepository.moveRequester(q, m.from.id, m.to.id, m.organizationId, m.at);
  await eventRepository.appendMany(
    q,
    moved.map((t) => {
      const changes: Record<string, { from: unknown; to: unknown }> = { requesterId: { from: m.from.id, to: m.to.id } };
      if (t.old_organization_id !== t.organization_id) changes.organizationId = { from: t.old_organization_id, to: t.organization_id };
      return {
        ticketId: t.id,
        kind: 'requester.merged',
        actor,
        channel: 'web',
        at: m.at,
        internal: true, // staff housekeeping: contact ids are not the customer's business
        data: { changes, from: m.from, to: m.to },
      };
    }),
  );
  return moved.length;
}
