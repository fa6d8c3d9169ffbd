import type { Deps } from '../../platform/deps';
import { AppError, forbidden, invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { isManager, type Actor } from '../identity';
import { readTicket, recordTicketEvents } from '../tickets';
import { fieldRepository, type VisitRow } from './field-repository';
import { visitEngineer } from './step-rules';
import { toVisitView } from './visit-view';
import { visitWindowProblem } from './visit-window';

export interface ScheduleVisitInput {
  windowStart: string;
  windowEnd: string;
}

/** The ticket event of a booked (or moved) visit: who goes, when, and when it was booked for before. */
export const VISIT_BOOKED = 'field.visit_booked';

/**
 * 预约上门: sets the time window of the ticket's open visit (planning one when there is none); agents,
 * supervisors, admins and the assignee. A new or changed window is an event on the ticket (field.visit_booked): the
 * timeline shows it, dispatch keeps the visit with its engineer past the end of their shift, routing
 * re-plans the day. The same window again changes nothing. The window's bounds (visit-window.ts): it ends
 * after it starts and after now, starts at most 90 days ahead, lasts at most 24 hours; a resolved or closed
 * ticket is not booked (409 INVALID_TRANSITION).
 */
export async function scheduleVisit(deps: Deps, actor: Actor, ticketId: string, input: ScheduleVisitInput) {
  const start = new Date(input.windowStart);
  const end = new Date(input.windowEnd);
  const now = deps.clock.now();
  const bad = visitWindowProblem(start, end, now);
  if (bad) throw invalid(bad.field, bad.message, bad.issue);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const t = await readTicket(q, ticketId);
    if (!t) throw notFound('Ticket');
    // the 坐席 on the phone with the customer books the time too
    if (!isManager(actor) && actor.role !== 'agent' && !(actor.id && t.assignee_id === actor.id)) throw forbidden('Only an agent, a supervisor or the assigned engineer books a visit');
    if (t.status === 'resolved' || t.status === 'closed') throw new AppError('INVALID_TRANSITION', `The ticket is ${t.status === 'resolved' ? 'resolved (已解决)' : 'closed (已关闭)'}; reopen it before booking a visit`);
    await fieldRepository.lockTicket(q, t.id);
    const open = await fieldRepository.openVisit(q, t.id);
    let visit: VisitRow;
    if (open) {
      // a visit not started follows the ticket: booked again after it was given to someone else, it is theirs
      const userId = visitEngineer({ state: open.state, userId: open.user_id }, t.assignee_id);
      if (open.window_start?.getTime() === start.getTime() && open.window_end?.getTime() === end.getTime() && userId === open.user_id) return toVisitView(open);
      await fieldRepository.updateVisit(q, open.id, { window_start: start, window_end: end, ...(userId !== open.user_id ? { user_id: userId } : {}) }, now);
      visit = { ...open, user_id: userId, window_start: start, window_end: end };
    } else {
      const seq = (await fieldRepository.lastSeq(q, t.id)) + 1;
      visit = await fieldRepository.insertVisit(q, { id: uuidv7(now.getTime()), tenant_id: actor.tenantId, ticket_id: t.id, user_id: t.assignee_id, seq, window_start: start, window_end: end, state: 'planned', departed_at: null, checked_in_at: null, completed_at: null, result: null, created_at: now });
    }
    await recordTicketEvents(q, [{
      ticketId: t.id, kind: VISIT_BOOKED, actor, channel: 'web', at: now, internal: true,
      data: { visitSeq: visit.seq, userId: visit.user_id, windowStart: start.toISOString(), windowEnd: end.toISOString(), ...(open?.window_start && open.window_start.getTime() !== start.getTime() ? { previousStart: open.window_start.toISOString() } : {}) },
    }], now);
    return toVisitView(visit);
  });
}
