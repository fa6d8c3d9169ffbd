import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { tenantTimeZone } from '../identity';
import { ticketEventActors } from '../tickets';
import { applyRule } from './apply-rule';
import { ChunkFacts } from './chunk-facts';
import { conditionsHold } from './condition-rules';
import type { EngineOptions } from './engine-options';
import { ruleRepository } from './rule-repository';
import { runRepository } from './run-repository';
import { causedByItself, triggerWork, type TriggerWork } from './run-rules';
import type { RuleRow } from './rule-repository';

/**
 * Runs the triggers for a chunk of one tenant's ticket events, in their order, inside the caller's
 * tenant transaction. Read once for the chunk: the active triggers, the events' actors, the tenant's
 * working time and time zone, the facts of its tickets (their automation locks taken first). Then per
 * event, each trigger in order whose events and conditions match runs once (run_key = the event id):
 * after a rule ran, its ticket's facts are read again, so later rules — and later events of the same
 * ticket in the chunk — see what it changed. A rule does not run on an event its own actions caused.
 */
export async function runTriggerChunk(deps: Deps, q: Queryable, messages: OutboxMessage[], o: EngineOptions): Promise<void> {
  const triggers = await ruleRepository.list(q, { kind: 'trigger', activeOnly: true });
  const work = messages.map((m) => triggerWork(m, triggers)).filter((w): w is TriggerWork<RuleRow> => w !== null);
  if (!work.length) return;
  const actors = await ticketEventActors(q, work.map((w) => w.event.id));
  await runRepository.lockTickets(q, work.map((w) => w.ticketId));
  const facts = await ChunkFacts.load(q, work.filter((w) => !w.chaseUpTo).map((w) => w.ticketId));
  const isWorkingTime = await o.workingTime(q);
  const timeZone = await tenantTimeZone(q);
  for (const w of work) {
    const actor = actors.get(w.event.id);
    for (const rule of w.rules) {
      if (causedByItself(rule.name, actor)) continue;
      const f = await facts.get(w.ticketId, w.chaseUpTo);
      if (!f) break;
      if (!conditionsHold(rule.conditions, f, { now: deps.clock.now(), event: w.event, isWorkingTime })) continue;
      const outcome = await applyRule(deps, q, rule, f, w.event.id, { ...o, timeZone });
      if (outcome !== 'ran_before') facts.changed(w.ticketId);
    }
  }
}
