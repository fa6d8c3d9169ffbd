import { assignmentRepository } from './assignment-repository';
import { recordStep, type Run } from './record-steps';

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
 */
export async function keepBookedVisit(run: Run, ticketId: string, bookedBy: string | null, b: BookedVisit): Promise<void> {
  const live = await assignmentRepository.live(run.q, ticketId, { forUpdate: true });
  if (!live || !b.userId || live.user_id !== b.userId) return;
  await assignmentRepository.setBooked(run.q, live.id, b.start, b.end);
  if (live.state === 'offered' && bookedBy === live.user_id && (!live.respond_by || live.respond_by > run.at)) await recordStep(run, live, 'accepted');
}
