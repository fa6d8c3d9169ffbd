import { assignInTransaction, readTicket, type TicketEventInput } from '../../tickets';
import { assignmentRepository } from './assignment-repository';
import { dispatchTickets } from './dispatch-tickets';
import { endAssignment, type Run } from './record-steps';
import { SYSTEM_REASONS } from './reasons';

/**
 * 'dispatch.requested' (an automation's "ask dispatch"): the ticket's live assignment is released and
 * it is unassigned, then dispatched as a new ticket would be (a ticket already queued stays queued).
 */
export async function requestDispatch(run: Run, ticketId: string, reason: string | null): Promise<void> {
  const live = await assignmentRepository.live(run.q, ticketId, { forUpdate: true });
  if (live) await endAssignment(run, live, 'released', reason ?? SYSTEM_REASONS.redispatch, { unassign: true });
  else if ((await readTicket(run.q, ticketId))?.assignee_id)
    await assignInTransaction(run.q, run.actor as TicketEventInput['actor'], ticketId, null, { at: run.at, reason: reason ?? SYSTEM_REASONS.redispatch, channel: 'api' });
  await dispatchTickets(run, [ticketId], { fresh: true });
}
