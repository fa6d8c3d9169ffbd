import type { Queryable } from '../../../platform/db/database';
import type { SlaSummaryState } from '../../tickets';
import { slaSummary } from '../rules/flag-rules';
import { sweepRepository, type ClockState } from './sweep-repository';

/**
 * The SLA summaries (tickets.sla_due_at / sla_state) of these tickets from all their clocks, read after
 * the sweep marked them; the tickets module writes them with the events (`recordSlaEvents`).
 */
export async function ticketSummaries(q: Queryable, ticketIds: string[], now: Date): Promise<{ id: string; dueAt: Date | null; state: SlaSummaryState | null }[]> {
  if (!ticketIds.length) return [];
  const byTicket = new Map<string, ClockState[]>(ticketIds.map((id) => [id, []]));
  for (const c of await sweepRepository.clocksOf(q, ticketIds)) byTicket.get(c.ticket_id)?.push(c);
  return [...byTicket].map(([id, clocks]) => {
    const s = slaSummary(
      clocks.map((c) => ({ dueAt: c.due_at, warnAt: c.warn_at, pausedSince: c.paused_since, achievedAt: c.achieved_at, warnedAt: c.warned_at, breachedAt: c.breached_at })),
      now,
    );
    return { id, dueAt: s?.dueAt ?? null, state: s?.state ?? null };
  });
}
