import { assignmentRepository } from './assignment-repository';
import { recordStep, type Run } from './record-steps';

/** The phone's steps that mean a visit is under way (出发, 签到), as the field module records them. */
export const FIELD_STEP_TOPICS = ['field.depart', 'field.check_in'];

/**
 * The assignee's 出发 or 签到 starts their on-site assignment when nothing else did (the phone was
 * offline, or checked in without 出发): the visit is not handed back when their shift ends, and 插单
 * plans from its site. An offer not yet answered is accepted first; a 签到 also says since when the
 * engineer is on site (the step's own time). Idempotent: a started assignment is not started again,
 * someone else's step or a ticket no longer assigned changes nothing.
 */
export async function startOnFieldStep(run: Run, ticketId: string, userId: string | null, step: { kind: string; at: Date | null }): Promise<void> {
  const live = await assignmentRepository.live(run.q, ticketId, { forUpdate: true });
  if (!live || !userId || live.user_id !== userId || live.kind !== 'field') return;
  if (live.state === 'offered') await recordStep(run, live, 'accepted');
  if (live.state !== 'started') await recordStep(run, live, 'started');
  if (step.kind === 'field.check_in') await assignmentRepository.setOnSite(run.q, live.id, step.at && step.at <= run.at ? step.at : run.at);
}
