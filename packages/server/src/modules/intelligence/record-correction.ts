import type { Deps } from '../../platform/deps';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { systemActor } from '../identity';
import { readTicket, updateTicket } from '../tickets';
import { TRIAGE_TAG } from './enrich-ticket';
import { FIELD_OF, intelligenceRepository, TARGETS, type Target } from './intelligence-repository';
import type { ModelCache } from './model-cache';
import { ticketText } from './analyze-text';

const FIELDS: Record<string, Target> = Object.fromEntries(TARGETS.map((t) => [FIELD_OF[t], t]));

/** A ticket is sorted once a person has set its category, or has resolved it: it leaves 待分拣, the system's triage marker. */
const SORTED_BY = (changes: Record<string, { to?: unknown }>) =>
  typeof changes.categoryId?.to === 'string' || changes.status?.to === 'resolved' || changes.status?.to === 'closed';

/**
 * A person changing a ticket's category, team or priority teaches the models: the change is stored
 * as a correction (counted towards retraining, remembered for the next tickets at once), and a ticket
 * waiting for triage leaves the triage queue once someone has set its category or resolved it.
 */
export async function recordCorrection(deps: Deps, cache: ModelCache, m: OutboxMessage): Promise<void> {
  const actor = m.payload.actor as { type?: string } | undefined;
  if (actor?.type !== 'user') return;
  const changes = ((m.payload.data as { changes?: Record<string, { to?: unknown }> } | undefined)?.changes ?? {}) as Record<string, { to?: unknown }>;
  const corrected = Object.keys(changes).filter((f) => FIELDS[f] && typeof changes[f].to === 'string');
  if (!corrected.length && !SORTED_BY(changes)) return;
  const ticketId = String(m.payload.ticketId);
  const ticket = await deps.db.tenant(m.tenantId, async (q) => {
    const t = await readTicket(q, ticketId);
    if (!t) return undefined;
    const text = ticketText(t.title, t.description);
    for (const f of corrected) {
      await intelligenceRepository.addFeedback(q, m.tenantId, { ticket_id: ticketId, target: FIELDS[f], value: String(changes[f].to), text }, m.createdAt);
      cache.remember(m.tenantId, FIELDS[f], String(changes[f].to), ticketId, text);
    }
    return t;
  });
  if (ticket && SORTED_BY(changes) && ticket.tags.includes(TRIAGE_TAG))
    await updateTicket(deps, systemActor(m.tenantId, 'intelligence'), ticketId, { removeTags: [TRIAGE_TAG] });
}
