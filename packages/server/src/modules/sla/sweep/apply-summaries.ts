import type { Queryable } from '../../../platform/db/database';
import { summarize, type SlaState } from './sweep-rules';
import { sweepRepository, type ClockState } from './sweep-repository';

/** Writes a ticket's SLA summary (tickets.sla_due_at / sla_state): the tickets module's setSlaSummary. */
export type SlaSummaryWriter = (q: Queryable, ticketId: string, dueAt: Date | null, state: SlaState | null) => Promise<void>;

/** The SLA summaries of these tickets from all their clocks, read after the sweep marked them. */
export async function applySummaries(q: Queryable, ticketIds: string[], write: SlaSummaryWriter): Promise<void> {
  if (!ticketIds.length) return;
  const byTicket = new Map<string, ClockState[]>(ticketIds.map((id) => [id, []]));
  for (const c of await sweepRepository.clocksOf(q, ticketIds)) byTicket.get(c.ticket_id)?.push(c);
  for (const [ticketId, clocks] of byTicket) {
    const s = summarize(clocks);
    await write(q, ticketId, s.dueAt, s.state);
  }
}
