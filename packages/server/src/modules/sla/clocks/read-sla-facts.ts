import type { Queryable } from '../../../platform/db/database';
import type { SlaMetric } from '../rules/sla-types';
import { clockRepository } from './clock-repository';

export interface SlaFact {
  metric: SlaMetric;
  dueAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  achievedAt: Date | null;
  pausedSince: Date | null;
}

/** The stored clocks of these tickets (for automation's conditions), one statement. */
export async function slaFacts(q: Queryable, ticketIds: string[]): Promise<Map<string, SlaFact[]>> {
  const out = new Map<string, SlaFact[]>(ticketIds.map((id) => [id, []]));
  for (const r of await clockRepository.byTickets(q, ticketIds))
    out.get(r.ticket_id)?.push({ metric: r.metric, dueAt: r.due_at, warnedAt: r.warned_at, breachedAt: r.breached_at, achievedAt: r.achieved_at, pausedSince: r.paused_since });
  return out;
}

/** The running clocks (not achieved, not paused) with a due time of these tickets, by ticket: what
 * dispatch plans many people's jobs with. Cheaper than slaFacts over hundreds of tickets. */
export async function runningSlaFacts(q: Queryable, ticketIds: string[]): Promise<Map<string, SlaFact[]>> {
  const out = new Map<string, SlaFact[]>();
  for (const r of await clockRepository.runningDue(q, ticketIds)) {
    const list = out.get(r.ticket_id) ?? [];
    list.push({ metric: r.metric, dueAt: r.due_at, warnedAt: null, breachedAt: null, achievedAt: null, pausedSince: null });
    out.set(r.ticket_id, list);
  }
  return out;
}
