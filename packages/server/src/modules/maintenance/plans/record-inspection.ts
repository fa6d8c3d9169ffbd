import type { Deps } from '../../../platform/deps';
import { invalid, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { readTicket, recordTicketEvents } from '../../tickets';
import { INSPECTORS, MAINTENANCE_READERS } from '../access';
import { inspectionRepository, type InspectionItemRow } from './inspection-repository';
import { answerProblem, failed, type InspectionAnswer } from './inspection-rules';
import { planRepository, type ChecklistItem } from './plan-repository';

export interface Inspection {
  ticketId: string;
  planName: string | null;
  checklist: ChecklistItem[];
  items: InspectionItemRow[];
}

/** A ticket's inspection: its visit's checklist (if it came from a plan) and the answers recorded. */
export async function getInspection(deps: Deps, actor: Actor, ticketId: string): Promise<Inspection> {
  requireRole(actor, MAINTENANCE_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await readTicket(q, ticketId))) throw notFound('Ticket');
    const visit = await planRepository.visitOfTicket(q, ticketId);
    return { ticketId, planName: visit?.plan_name ?? null, checklist: visit?.checklist ?? [], items: await inspectionRepository.ofTicket(q, ticketId) };
  });
}

/**
 * Records checklist answers on a ticket (staff, engineers included): each item's answer replaces its
 * earlier one, and the ticket's timeline gets one event with the answers and how many failed.
 */
export async function recordInspection(deps: Deps, actor: Actor, ticketId: string, answers: InspectionAnswer[]): Promise<Inspection> {
  requireRole(actor, INSPECTORS);
  const now = deps.clock.now();
  await deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await readTicket(q, ticketId))) throw notFound('Ticket');
    const checklist = (await planRepository.visitOfTicket(q, ticketId))?.checklist ?? [];
    for (const [i, a] of answers.entries()) {
      const problem = answerProblem(a, checklist);
      if (problem) throw invalid(`items.${i}`, problem, 'invalid', a.item);
    }
    await inspectionRepository.upsert(q, actor.tenantId, ticketId, answers.map((a) => ({ item: a.item, result: a.result, value: a.value ?? null, note: a.note?.trim() || null })), actor.type === 'user' ? actor.id : null, now);
    const failures = answers.filter((a) => failed(a, checklist.find((c) => c.item === a.item))).map((a) => a.item);
    await recordTicketEvents(q, [{ ticketId, kind: 'inspection.recorded', actor, channel: 'web', at: now, data: { items: answers.length, failed: failures } }], now);
  });
  return getInspection(deps, actor, ticketId);
}
