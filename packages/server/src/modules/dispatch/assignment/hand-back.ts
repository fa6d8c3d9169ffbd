import { exclusions } from '../engine';
import { assignmentRepository } from './assignment-repository';
import { DEFAULT_POLICY, openNeed, resolvePolicy } from './dispatch-rules';
import { dispatchTickets } from './dispatch-tickets';
import { endAssignment, type Run } from './record-steps';

/**
 * Hands back the unstarted work (offered, or accepted but not started) of these people — gone off shift
 * (下班) or their shift over — and dispatches it again; people still on shift keep theirs unless `force`.
 * A visit booked with the customer (预约上门) for a window not yet over stays with its engineer.
 * Runs with the lock held; returns the tickets handed back.
 */
export async function handBack(run: Run, userIds: string[], o: { force: boolean; reason: string }): Promise<string[]> {
  const policy = resolvePolicy(run.pool.policies, null, null) ?? DEFAULT_POLICY;
  const ctx = run.pool.ctx(policy);
  const off = userIds.filter((id) => {
    if (o.force) return true;
    const p = run.pool.byId.get(id);
    // someone dispatch does not send work to (an administrator or supervisor who took a ticket by hand)
    // keeps it: they have no shift to end
    if (!p) return false;
    return exclusions(p, openNeed(run.at), ctx).some((e) => e.rule === 'shift' || (e.rule === 'status' && p.status === 'off_shift'));
  });
  const rows = await assignmentRepository.unstartedOf(run.q, off, run.at);
  for (const a of rows) await endAssignment(run, a, 'handed_back', o.reason, { unassign: true });
  if (rows.length) await dispatchTickets(run, rows.map((a) => a.ticket_id), { fresh: false });
  return rows.map((a) => a.ticket_id);
}
