import type { Deps } from '../../platform/deps';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { runLimited } from '../../platform/run-limited';
import { anyWordTsQuery } from '../../platform/text/segment';
import { systemActor } from '../identity';
import { PRIORITIES, updateTicket, type Priority } from '../tickets';
import { givenAtCreation, type CreationRecord } from './analyze-ticket';
import { priorityFacts } from './priority-facts';
import { suggestPriority } from './priority';

const REPEAT_DAYS = 30;
const RAISES_IN_FLIGHT = 8;

/**
 * After tickets are created, their priority is raised for what their words do not say — a top-tier
 * customer, the same problem reported again (the requester's other open tickets sharing the title's
 * words) — unless a person chose the priority. One statement per tenant for all the new tickets, one
 * update per ticket raised; idempotent (it only raises).
 */
export async function raisePriorities(deps: Deps, messages: OutboxMessage[]): Promise<void> {
  const byTenant = new Map<string, { ticketId: string; words: string }[]>();
  for (const m of messages) {
    const creation = (m.payload.data ?? {}) as CreationRecord;
    if (!creation.intelligence) continue; // created before the intelligence stage, or without it
    const personChose = givenAtCreation(creation).priority !== undefined && (m.payload.actor as { type?: string } | undefined)?.type === 'user';
    if (personChose) continue;
    // the title says what the problem is; the requester's open tickets sharing its words are the same problem again
    const list = byTenant.get(m.tenantId) ?? [];
    list.push({ ticketId: String(m.payload.ticketId), words: anyWordTsQuery(String(creation.after?.title ?? '')) });
    byTenant.set(m.tenantId, list);
  }
  const since = new Date(deps.clock.now().getTime() - REPEAT_DAYS * 86_400_000);
  const rank = (p: string) => PRIORITIES.indexOf(p as Priority);
  for (const [tenantId, list] of byTenant) {
    const facts = await deps.db.tenant(tenantId, (q) => priorityFacts(q, list, since));
    const raises: (() => Promise<unknown>)[] = [];
    for (const f of facts) {
      if (f.status === 'resolved' || f.status === 'closed') continue;
      const raised = suggestPriority({ textPrediction: { value: f.priority as Priority, confidence: 1 }, customerTier: (f.tier ?? undefined) as never, repeatContacts: f.repeats });
      if (rank(raised.value) > rank(f.priority)) raises.push(() => updateTicket(deps, systemActor(tenantId, 'intelligence'), f.ticket_id, { priority: raised.value }, 'api'));
    }
    // each raise is its own update of its own ticket: several at once, so a round of new tickets is not held up by them
    await runLimited(raises, RAISES_IN_FLIGHT);
  }
}

/** One new ticket's raise (see `raisePriorities`). */
export const raisePriority = (deps: Deps, m: OutboxMessage) => raisePriorities(deps, [m]);
