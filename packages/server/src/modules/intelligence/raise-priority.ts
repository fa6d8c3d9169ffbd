import type { Deps } from '../../platform/deps';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { plainText } from '../../platform/text/sanitize';
import { anyWordTsQuery } from '../../platform/text/segment';
import { systemActor } from '../identity';
import { ticketRepository, updateTicket, type Priority } from '../tickets';
import { givenAtCreation, type CreationRecord } from './analyze-ticket';
import { intelligenceRepository } from './intelligence-repository';
import { suggestPriority } from './priority';

const RANK: Record<string, number> = { low: 0, normal: 1, high: 2, urgent: 3 };
const REPEAT_DAYS = 30;

/**
 * After a ticket is created, its priority is raised for what its words do not say — a top-tier
 * customer, the same problem reported again (the requester's other open tickets sharing its words) —
 * unless a person chose the priority. Two small queries per new ticket; idempotent (it only raises).
 */
export async function raisePriority(deps: Deps, m: OutboxMessage): Promise<void> {
  const creation = (m.payload.data ?? {}) as CreationRecord;
  if (!creation.intelligence) return; // created before the intelligence stage, or without it
  const personChose = givenAtCreation(creation).priority !== undefined && (m.payload.actor as { type?: string } | undefined)?.type === 'user';
  if (personChose) return;
  const ticketId = String(m.payload.ticketId);
  const now = deps.clock.now();
  const to = await deps.db.tenant(m.tenantId, async (q) => {
    const t = await ticketRepository.byId(q, ticketId);
    if (!t || !t.requester_id || t.status === 'resolved' || t.status === 'closed') return null;
    const tier = await intelligenceRepository.tierOf(q, t.requester_id);
    const words = anyWordTsQuery(`${t.title}\n${plainText(t.description)}`);
    const repeats = await intelligenceRepository.openSharingWords(q, t.id, t.requester_id, new Date(now.getTime() - REPEAT_DAYS * 86_400_000), words);
    const raised = suggestPriority({ textPrediction: { value: t.priority, confidence: 1 }, customerTier: (tier ?? undefined) as never, repeatContacts: repeats });
    return RANK[raised.value] > RANK[t.priority] ? (raised.value as Priority) : null;
  });
  if (to) await updateTicket(deps, systemActor(m.tenantId, 'intelligence'), ticketId, { priority: to }, 'api');
}
