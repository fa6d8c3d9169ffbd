import type { Queryable } from '../../../platform/db/database';
import { uuidv7 } from '../../../platform/ids';
import { systemActor } from '../../identity';
import { recordTicketEvents, type SlaHistoryEvent, type TicketDispatchFacts } from '../../tickets';
import { clockTicket } from '../clocks/ticket-clock-input';
import { chaseRepository, type NewChase } from './chase-repository';
import { detectChase } from './chase-rules';

/** The status before, and how long the customer had been waiting, at each history event. */
function* walk(t: TicketDispatchFacts, history: SlaHistoryEvent[]) {
  let status = clockTicket(t, history).initialStatus;
  let waitingSince: Date | null = t.created_at;
  for (const e of history) {
    yield { e, statusBefore: status, waitingSince };
    if (e.kind === 'status' && e.statusTo) status = e.statusTo;
    if (e.kind === 'reply' && !e.internal && e.author === 'staff') waitingSince = null;
    if (e.kind === 'reply' && !e.internal && e.author === 'customer') waitingSince ??= e.at;
  }
}

/**
 * 催单: among the customer messages `eventIds` (this consumer round's), those asking again on an open
 * ticket are recorded (one row per message, ON CONFLICT DO NOTHING decides who records it) with their
 * ticket event `ticket.chased` {count, channel, excerpt, eventId} in the same transaction: once, however
 * often the message is delivered. `count` is the chase's seq: its place in recording order per ticket.
 */
export async function recordChases(q: Queryable, tenantId: string, tickets: TicketDispatchFacts[], history: Map<string, SlaHistoryEvent[]>, eventIds: Set<string>): Promise<number> {
  const found: NewChase[] = [];
  for (const t of tickets)
    for (const { e, statusBefore, waitingSince } of walk(t, history.get(t.id) ?? [])) {
      if (!eventIds.has(e.eventId) || e.kind !== 'reply' || e.internal || e.author !== 'customer') continue;
      const waitingMinutes = waitingSince ? (e.at.getTime() - waitingSince.getTime()) / 60_000 : null;
      const verdict = detectChase({ text: e.text, channel: e.channel, statusBefore, waitingMinutes });
      if (verdict.chase) found.push({ id: uuidv7(e.at.getTime()), ticketId: t.id, eventId: e.eventId, channel: e.channel, excerpt: verdict.excerpt, at: e.at });
    }
  const inserted = await chaseRepository.insertNew(q, tenantId, found);
  if (!inserted.length) return 0;
  // the count of a chase is its place among the ticket's chases as recorded (seq), not the messages' order
  const seq = new Map(inserted.map((r) => [r.event_id, Number(r.seq)]));
  const chases = found.filter((c) => seq.has(c.eventId));
  const actor = systemActor(tenantId, 'SLA');
  await recordTicketEvents(
    q,
    chases.map((c) => ({ ticketId: c.ticketId, kind: 'ticket.chased', actor, channel: c.channel, at: c.at, data: { count: seq.get(c.eventId) ?? 1, channel: c.channel, excerpt: c.excerpt, eventId: c.eventId } })),
    chases.reduce((a, c) => (c.at > a ? c.at : a), chases[0].at),
  );
  return chases.length;
}
