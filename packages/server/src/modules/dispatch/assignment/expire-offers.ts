import { assignmentRepository } from './assignment-repository';
import { dispatchTickets, tellWhenNobodyAccepted } from './dispatch-tickets';
import { endAssignment, type Run } from './record-steps';
import { SYSTEM_REASONS } from './reasons';

/** Offers expired per round (a bounded batch; the next round takes the rest). */
const ROUND = 100;

/**
 * Offers not accepted (接单) in time go back to dispatch (an offer given to someone off shift waits for
 * their shift: hand-back.ts), offered to someone else: the people who declined it are excluded, those who
 * let it expire until nobody else eligible can take it and their cool-down is over (dispatch-tickets.ts
 * `decideOne`). When only they are left, the ticket waits as `not_accepted` and the team's supervisors are
 * told once. Runs with the lock held; returns the tickets concerned.
 */
export async function expireOffers(run: Run): Promise<string[]> {
  const due = await assignmentRepository.dueOffers(run.q, run.at, ROUND);
  for (const a of due) await endAssignment(run, a, 'expired', SYSTEM_REASONS.expired, { unassign: true, data: { respondBy: a.respond_by?.toISOString() ?? null } });
  if (due.length) await tellWhenNobodyAccepted(run, due, await dispatchTickets(run, due.map((a) => a.ticket_id), { fresh: false }));
  return due.map((a) => a.ticket_id);
}
