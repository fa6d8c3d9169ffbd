import type { Deps } from '../../platform/deps';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { isManager, type Actor } from '../identity';
import { readTicket } from '../tickets';
import { fieldRepository } from './field-repository';
import { toVisitView } from './visit-view';

export interface ScheduleVisitInput {
  windowStart: string;
  windowEnd: string;
}

/** 预约上门: sets the time window of the ticket's open visit (planning one when there is none); supervisors, admins and the assignee. */
export async function scheduleVisit(deps: Deps, actor: Actor, ticketId: string, input: ScheduleVisitInput) {
  const start = new Date(input.windowStart);
  const end = new Date(input.windowEnd);
  if (end < start) throw invalid('windowEnd', 'The window ends before it starts', 'out_of_range');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const t = await readTicket(q, ticketId);
    if (!t) throw notFound('Ticket');
    if (!isManager(actor) && !(actor.id && t.assignee_id === actor.id)) throw forbidden('Only a supervisor or the assigned engineer plans a visit');
    await fieldRepository.lockTicket(q, t.id);
    const open = await fieldRepository.openVisit(q, t.id);
    if (open) {
      await fieldRepository.updateVisit(q, open.id, { window_start: start, window_end: end, ...(open.user_id ? {} : { user_id: t.assignee_id }) }, now);
      return toVisitView({ ...open, window_start: start, window_end: end });
    }
    const seq = (await fieldRepository.lastSeq(q, t.id)) + 1;
    return toVisitView(
      await fieldRepository.insertVisit(q, { id: uuidv7(now.getTime()), tenant_id: actor.tenantId, ticket_id: t.id, user_id: t.assignee_id, seq, window_start: start, window_end: end, state: 'planned', departed_at: null, checked_in_at: null, completed_at: null, result: null, created_at: now }),
    );
  });
}
