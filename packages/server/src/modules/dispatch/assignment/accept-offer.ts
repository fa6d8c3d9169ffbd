import type { Deps } from '../../../platform/deps';
import { AppError, forbidden } from '../../../platform/errors';
import { userNames, type Actor } from '../../identity';
import { ownJobTicketId } from './access';
import { assertNotTakenAway } from './no-longer-yours';
import { assignmentRepository } from './assignment-repository';
import { withDispatchLock } from './dispatch-transaction';
import { recordStep } from './record-steps';
import { assignmentView, type AssignmentView } from './views';

/** 接单: the person offered the ticket accepts it (again: nothing changes). */
export async function acceptOffer(deps: Deps, actor: Actor, idOrNumber: string): Promise<AssignmentView> {
  const id = await ownJobTicketId(deps, actor, idOrNumber);
  return withDispatchLock(deps, actor.tenantId, actor, async (run) => {
    const live = await assignmentRepository.live(run.q, id, { forUpdate: true });
    if (!live || live.user_id !== actor.id) {
      if (actor.id) await assertNotTakenAway(run.q, id, actor.id);
      throw forbidden('This ticket is not offered to you');
    }
    if (live.state === 'offered') {
      if (live.respond_by && live.respond_by <= run.at) throw new AppError('CONFLICT', 'The offer has expired; the ticket went back to dispatch');
      await recordStep(run, live, 'accepted');
    }
    const row = (await assignmentRepository.live(run.q, id))!;
    return assignmentView(row, await userNames(run.q, [row.user_id]));
  });
}
