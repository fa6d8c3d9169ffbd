import { assignmentRepository } from './assignment-repository';
import { dispatchTickets } from './dispatch-tickets';
import { holidayOf, isOffShift } from './off-shift';
import { SYSTEM_REASONS } from './reasons';
import { endAssignment, type Run } from './record-steps';

/**
 * Hands back the unstarted work (offered, or accepted but not started) of these people — gone off shift
 * (下班) or their shift over — and dispatches it again; people still on shift keep theirs unless `force`.
 * A visit booked with the customer (预约上门) for a window not yet over stays with its engineer, and so
 * does work given to someone already off shift (强制派单 for tomorrow) until they have been on shift (an
 * offer of it waits for them: its time to answer starts when they are seen on shift).
 * Runs with the lock held; returns the tickets handed back.
 */
export async function handBack(run: Run, userIds: string[], o: { force: boolean; reason: string }): Promise<string[]> {
  const off = userIds.filter((id) => o.force || isOffShift(run.pool, id));
  // on shift now: what they were given while off is theirs like any other work from here on
  await assignmentRepository.seenOnShift(run.q, userIds.filter((id) => !off.includes(id)), run.at);
  const rows = await assignmentRepository.unstartedOf(run.q, off, run.at);
  for (const a of rows) {
    // a shift that ends because the day is a public holiday says which
    const holiday = o.force ? null : holidayOf(run.pool, a.user_id);
    await endAssignment(run, a, 'handed_back', holiday ? SYSTEM_REASONS.holiday : o.reason, { unassign: true, ...(holiday ? { data: { holiday } } : {}) });
  }
  if (rows.length) await dispatchTickets(run, rows.map((a) => a.ticket_id), { fresh: false });
  return rows.map((a) => a.ticket_id);
}
