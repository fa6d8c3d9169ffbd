import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import { isManager, type Actor } from '../identity';
import { getTicket } from '../tickets';
import { requirePerson } from './access';
import { fieldRepository } from './field-repository';
import { toJobView } from './job-view';

/** One job with its description and every step recorded so far, oldest first. */
export async function getJob(deps: Deps, actor: Actor, ticketRef: string) {
  const userId = requirePerson(actor);
  const t = await getTicket(deps, actor, ticketRef).catch(async (e: unknown) => {
    // a job taken from the engineer (no longer visible to one who sees only their own) says what happened
    if (e instanceof AppError && e.code === 'NOT_FOUND' && isUuid(ticketRef)) await deps.db.tenant(actor.tenantId, (q) => deps.fieldAssertNotTakenAway?.(q, ticketRef, userId) ?? Promise.resolve());
    throw e;
  });
  if (!isManager(actor) && t.assigneeId !== userId) await deps.db.tenant(actor.tenantId, (q) => deps.fieldAssertNotTakenAway?.(q, t.id, userId) ?? Promise.resolve());
  return deps.db.tenant(actor.tenantId, async (q) => {
    const [latest] = await fieldRepository.visitsOfTickets(q, [t.id]);
    const steps = await fieldRepository.stepsOfTicket(q, t.id);
    return {
      ...toJobView(t, latest, (await deps.fieldDevice?.(q, t.id)) ?? null),
      description: t.description,
      assigneeId: t.assigneeId,
      steps: steps.map((s) => ({ opId: s.op_id, kind: s.kind, at: s.at.toISOString(), receivedAt: s.received_at.toISOString(), visitId: s.visit_id, flagged: s.flagged, distanceM: s.distance_m, text: s.text, fileId: s.file_id, result: s.result })),
    };
  });
}
