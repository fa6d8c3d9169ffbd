import type { Deps } from '../../platform/deps';
import { byTenant } from '../../platform/outbox/by-tenant';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import type { DefaultsSeen } from './ensure-defaults';
import type { EngineOptions } from './engine-options';
import { runTriggerChunk } from './run-trigger-chunk';

/** The ticket events triggers run on (status_changed and assigned come with ticket.updated). */
export const AUTOMATION_TOPICS = ['ticket.created', 'ticket.updated', 'reply.added', 'note.added', 'assigned', 'sla.warning', 'sla.breached', 'ticket.chased', 'csat.received'];

/** Events per transaction: a chunk's ticket locks (and the rows its actions change) are held this long. */
export const AUTOMATION_CHUNK = 50;

/**
 * The trigger consumer, for a round of outbox messages (or one, when the dispatcher retries it alone):
 * per tenant (its shipped defaults ensured first), in the messages' order, chunks of `chunk` events,
 * each chunk in one tenant transaction (runTriggerChunk). A chunk that fails rolls back alone and the
 * round throws: the dispatcher then hands each message to this handler by itself, and the runs that
 * committed already are not repeated (run_key = the event id, claimed ON CONFLICT DO NOTHING).
 */
export async function handleAutomationEvents(deps: Deps, messages: OutboxMessage[], o: EngineOptions & { defaults: DefaultsSeen; chunk?: number }): Promise<void> {
  const chunk = Math.max(1, o.chunk ?? AUTOMATION_CHUNK);
  for (const [tenantId, list] of byTenant(messages)) {
    await o.defaults.ensure((t, fn) => deps.db.tenant(t, fn), tenantId, deps.clock.now());
    for (let at = 0; at < list.length; at += chunk) await deps.db.tenant(tenantId, (q) => runTriggerChunk(deps, q, list.slice(at, at + chunk), o));
  }
}
