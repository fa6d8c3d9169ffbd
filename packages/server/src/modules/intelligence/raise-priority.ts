import type { Deps } from '../../platform/deps';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { anyWordTsQuery } from '../../platform/text/segment';
import { systemActor } from '../identity';
import { PRIORITIES, updateTicket, type Priority } from '../tickets';
import { givenAtCreation, type CreationRecord } from './analyze-ticket';
import { intelligenceRepository } from './intelligence-repository';
import { suggestPriority } from './priority';

const REPEAT_DAYS = 30;

/**
 * After a ticket is created, its priority is raised for what its words do not say — a top-tier
 * customer, the same problem reported again (the requester's other open tickets sharing its title's
 * words) — unless a person chose the priority. One statement per new ticket; idempotent (it only raises).
 */
export async function raisePriority(deps: Deps, m: OutboxMessage): Promise<void> {
  const creation = (m.payload.data ?? {}) as CreationRecord;
  if (!creation.intelligence) return; // created before the intelligence stage, or without it
  const personChose = givenAtCreation(creation).priority !== undefined && (m.payload.actor as { type?: string } | undefined)?.type === 'user';
  if (personChose) return;
  const ticketId = String(m.payload.ticketId);
  const now = deps.clock.now();
  // the title says what the problem is; the requester's open tickets sharing its words are the same problem again
  const words = anyWordTsQuery(String(creation.after?.title ?? ''));
  const f = await deps.db.tenant(m.tenantId, (q) => intelligenceRepository.priorityFacts(q, ticketId, new Date(now.getTime() - REPEAT_DAYS * 86_400_000), words));
  if (!f || f.status === 'resolved' || f.status === 'closed') return;
  const raised = suggestPriority({ textPrediction: { value: f.priority as Priority, confidence: 1 }, customerTier: (f.tier ?? undefined) as never, repeatContacts: f.repeats });
  const rank = (p: string) => PRIORITIES.indexOf(p as Priority);
  const to = rank(raised.value) > rank(f.priority) ? raised.value : null;
  if (to) await updateTicket(deps, systemActor(m.tenantId, 'intelligence'), ticketId, { priority: to }, 'api');
}
