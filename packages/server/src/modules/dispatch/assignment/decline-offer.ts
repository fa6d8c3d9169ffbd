import type { Deps } from '../../../platform/deps';
import { AppError, forbidden, invalid } from '../../../platform/errors';
import type { Actor } from '../../identity';
import { ownJobTicketId } from './access';
import { assertNotTakenAway } from './no-longer-yours';
import { assignmentRepository } from './assignment-repository';
import { dispatchTickets, tellWhenNobodyAccepted } from './dispatch-tickets';
import { withDispatchLock } from './dispatch-transaction';
import { endAssignment } from './record-steps';

/**
 * 拒单: the person offered the ticket (or holding it, not started) declines with a reason; it goes back
 * to dispatch and is not offered to them again.
 */
export async function declineOffer(deps: Deps, actor: Actor, idOrNumber: string, reason: string): Promise<void> {
  const why = reason.trim();
  if (!why) throw invalid('reason', 'Say why you decline (拒单原因)', 'required');
  const id = await ownJobTicketId(deps, actor, idOrNumber);
  await withDispatchLock(deps, actor.tenantId, actor, async (run) => {
    const live = await assignmentRepository.live(run.q, id, { forUpdate: true });
    if (!live || live.user_id !== actor.id) {
      if (actor.id) await assertNotTakenAway(run.q, id, actor.id);
      throw forbidden('This ticket is not offered to you');
    }
    if (live.state === 'started') throw new AppError('CONFLICT', 'You have started this work; hand it over by reassigning the ticket');
    await endAssignment(run, live, 'declined', why, { unassign: true });
    // the last one eligible declines and only people who let it expire are left: the supervisors are told
    await tellWhenNobodyAccepted(run, [live], await dispatchTickets(run, [id], { fresh: false }));
  });
}
