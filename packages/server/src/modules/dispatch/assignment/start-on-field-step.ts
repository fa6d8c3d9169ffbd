import { assignmentRepository } from './assignment-repository';
import { recordStep, type Run } from './record-steps';

/** The phone's steps that mean a visit is under way (出发, 签到), as the field module records them. */
export const FIELD_STEP_TOPICS = ['field.depart', 'field.check_in'];

/**
 * The assignee's 出发 or 签到 starts their on-site assignment when nothing else did (the phone was
 * offline, or checked in without 出发): the visit is not handed back when their shift ends, and 插单
 * plans from its site. An offer not yet answered is accepted first. Idempotent: a started assignment,
 * someone else's step or a ticket no longer assigned changes nothing.
 */
export async function startOnFieldStep(run: Run, ticketId: string, userId: string | null): Promise<void> {
  const live = await assignmentRepository.live(run.q, ticketId, { forUpdate: true });
  if (!live || !userId || live.user_id !== userId || live.kind !== 'field' || live.state === 'started') return;
  if (live.state === 'offered') await recordStep(run, live, 'accepted');
  await recordStep(run, live, 'started');
}
