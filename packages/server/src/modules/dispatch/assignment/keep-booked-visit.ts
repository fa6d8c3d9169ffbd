import { exclusions } from '../engine';
import { assignmentRepository } from './assignment-repository';
import { dispatchTickets } from './dispatch-tickets';
import { loadNeeds } from './load-needs';
import { endAssignment, recordStep, type Run } from './record-steps';

export interface BookedVisit {
  /** the engineer the visit is booked for */
  userId: string | null;
  start: Date;
  end: Date;
}

/**
 * A visit booked with the customer is kept on the assignment of the engineer it is booked for: until
 * its window is over it is not handed back when their shift ends, and booked for a later day it counts
 * in that day's load, not today's. The engineer booking it themselves takes an unanswered offer (接单).
 * A visit booked for someone other than the ticket's live assignee changes nothing. Idempotent.
 * Booked for a day on which the engineer's certification the ticket needs is no longer valid, the work
 * goes back to dispatch (unless a supervisor forced it on them, 强制派单).
 */
export async function keepBookedVisit(run: Run, ticketId: string, bookedBy: string | null, b: BookedVisit): Promise<void> {
  const live = await assignmentRepository.live(run.q, ticketId, { forUpdate: true });
  if (!live || !b.userId || live.user_id !== b.userId) return;
  await assignmentRepository.setBooked(run.q, live.id, b.start, b.end);
  const t = live.mode === 'override' ? undefined : (await loadNeeds(run.q, run.pool, [ticketId])).get(ticketId);
  const person = run.pool.byId.get(live.user_id);
  const expired = t && person ? exclusions(person, t.need, run.pool.ctx(t.policy)).find((e) => e.rule === 'certification') : undefined;
  if (t && expired) {
    await endAssignment(run, live, 'handed_back', `证书「${t.need.certification ?? ''}」在预约日 ${t.need.visitDate} 无效`, { unassign: true, data: { rule: 'certification', certification: t.need.certification, on: t.need.visitDate } });
    await dispatchTickets(run, [ticketId], { fresh: false });
    return;
  }
  if (live.state === 'offered' && bookedBy === live.user_id && (!live.respond_by || live.respond_by > run.at)) await recordStep(run, live, 'accepted');
}
