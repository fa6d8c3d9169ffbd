import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { getTicket } from '../tickets';
import { requirePerson } from './access';
import { fieldRepository } from './field-repository';
import { toJobView } from './job-view';

/** One job with its description and every step recorded so far, oldest first. */
export async function getJob(deps: Deps, actor: Actor, ticketRef: string) {
  requirePerson(actor);
  const t = await getTicket(deps, actor, ticketRef);
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
