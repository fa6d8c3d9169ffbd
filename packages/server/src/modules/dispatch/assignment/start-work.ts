import type { Deps } from '../../../platform/deps';
import { forbidden } from '../../../platform/errors';
import { userNames, type Actor } from '../../identity';
import { ownJobTicketId } from './access';
import { assertNotTakenAway } from './no-longer-yours';
import { assignmentRepository } from './assignment-repository';
import { withDispatchLock } from './dispatch-transaction';
import { recordStep } from './record-steps';
import { assignmentView, type AssignmentView } from './views';

/** The assignee starts the work (开始处理): it is no longer handed back when their shift ends. */
export async function startWork(deps: Deps, actor: Actor, idOrNumber: string): Promise<AssignmentView> {
  const id = await ownJobTicketId(deps, actor, idOrNumber);
  return withDispatchLock(deps, actor.tenantId, actor, async (run) => {
    const live = await assignmentRepository.live(run.q, id, { forUpdate: true });
    if (!live || live.user_id !== actor.id) {
      if (actor.id) await assertNotTakenAway(run.q, id, actor.id);
      throw forbidden('This ticket is not assigned to you');
    }
    if (live.state !== 'started') await recordStep(run, live, 'started');
    const row = (await assignmentRepository.live(run.q, id))!;
    return assignmentView(row, await userNames(run.q, [row.user_id]));
  });
}
