import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { readTicket } from '../../tickets';
import { assignmentRepository } from './assignment-repository';

export type HolderChange = 'reassigned' | 'returned';

/**
 * Why a job this person held is no longer theirs: given to someone else (改派, 日内优化, an assignee
 * changed by hand) or gone back to dispatch (拒单, 超时未接单, 交回). Null when it is still theirs or never
 * was — those keep their usual answers (403 / 404), so nobody learns of tickets they never had.
 */
export async function holderChange(q: Queryable, ticketId: string, userId: string): Promise<HolderChange | null> {
  const history = await assignmentRepository.history(q, ticketId);
  if (!history.some((a) => a.user_id === userId)) return null;
  const live = history.find((a) => a.ended_at === null && ['offered', 'accepted', 'started'].includes(a.state));
  if (live) return live.user_id === userId ? null : 'reassigned';
  const ticket = await readTicket(q, ticketId);
  if (!ticket || ticket.assignee_id === userId) return null;
  return ticket.assignee_id ? 'reassigned' : 'returned';
}

/** The 409 for acting on a job that is no longer yours (a stable code per case; the phone words each). */
export function noLongerYours(change: HolderChange): AppError {
  return change === 'reassigned'
    ? new AppError('DISPATCH_REASSIGNED', 'This job was given to another engineer; it is no longer yours')
    : new AppError('DISPATCH_RETURNED', 'This job went back to dispatch; it is no longer yours');
}

/** Throws the 409 when the job was this person's and is no longer. */
export async function assertNotTakenAway(q: Queryable, ticketId: string, userId: string): Promise<void> {
  const change = await holderChange(q, ticketId, userId);
  if (change) throw noLongerYours(change);
}
