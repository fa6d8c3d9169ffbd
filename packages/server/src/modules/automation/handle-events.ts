import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { tenantTimeZone } from '../identity';
import { ticketEventActors } from '../tickets';
import { applyRule, type ApplyOptions } from './apply-rule';
import { conditionsHold } from './condition-rules';
import { loadFacts } from './load-facts';
import { ruleRepository } from './rule-repository';
import { runRepository } from './run-repository';
import { causedByItself, occasionsOf } from './run-rules';

/** The ticket events triggers run on (status_changed and assigned come with ticket.updated). */
export const AUTOMATION_TOPICS = ['ticket.created', 'ticket.updated', 'reply.added', 'note.added', 'assigned', 'sla.warning', 'sla.breached', 'ticket.chased', 'csat.received'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EngineOptions extends Omit<ApplyOptions, 'timeZone'> {
  /** the tenant's working time (its default business calendar), read in the transaction */
  workingTime: (q: Queryable) => Promise<(at: Date) => boolean>;
}

/**
 * The trigger consumer: for one ticket event, every active trigger in order whose events and
 * conditions match runs once (run_key = the event id) in one tenant transaction per event — later
 * rules see what earlier ones changed. A rule does not run on an event its own actions caused.
 */
export async function handleAutomationEvent(deps: Deps, m: OutboxMessage, o: EngineOptions): Promise<void> {
  const p = m.payload as { ticketId?: string; data?: Record<string, unknown> };
  const ticketId = p.ticketId;
  if (!ticketId) return;
  const data = p.data ?? {};
  const occasions = occasionsOf(m.topic, data);
  // on a 催单 the conditions see the count as of that chase (its customer message), not what came after
  const chaseUpTo = m.topic === 'ticket.chased' && typeof data.eventId === 'string' && UUID.test(data.eventId) ? new Map([[ticketId, data.eventId]]) : undefined;
  await deps.db.tenant(m.tenantId, async (q) => {
    const rules = (await ruleRepository.list(q, { kind: 'trigger', activeOnly: true })).filter((r) => r.events.some((e) => occasions.includes(e as never)));
    if (!rules.length) return;
    const actor = (await ticketEventActors(q, [m.eventId])).get(m.eventId);
    await runRepository.lockTicket(q, ticketId);
    let facts = (await loadFacts(q, [ticketId], chaseUpTo)).get(ticketId);
    const isWorkingTime = await o.workingTime(q);
    const timeZone = await tenantTimeZone(q);
    const event = { id: m.eventId, kind: m.topic, data };
    for (const rule of rules) {
      if (!facts) return;
      if (causedByItself(rule.name, actor)) continue;
      if (!conditionsHold(rule.conditions, facts, { now: deps.clock.now(), event, isWorkingTime })) continue;
      const outcome = await applyRule(deps, q, rule, facts, m.eventId, { ...o, timeZone });
      if (outcome !== 'ran_before') facts = (await loadFacts(q, [ticketId], chaseUpTo)).get(ticketId);
    }
  });
}
