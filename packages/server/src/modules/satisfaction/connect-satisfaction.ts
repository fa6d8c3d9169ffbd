import type { Deps } from '../../platform/deps';
import { byTenant } from '../../platform/outbox/by-tenant';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { openSurvey, type OpenSurveyOptions } from './open-survey';
import { tooOldToSurvey } from './survey-rules';
import { takeChatScore } from './take-chat-score';

export const SATISFACTION_CONSUMER = 'satisfaction';
const TOPICS = ['ticket.updated', 'csat.received'];

interface Payload {
  ticketId?: string;
  channel?: string;
  data?: { changes?: { status?: { to?: string } }; score?: unknown; via?: unknown };
}

/** Whether a message set its ticket resolved. */
export const resolvesTicket = (m: Pick<OutboxMessage, 'topic' | 'payload'>) => m.topic === 'ticket.updated' && (m.payload as Payload).data?.changes?.status?.to === 'resolved';

/**
 * Each tenant's messages of a round in one transaction: a ticket set resolved gets its survey (once per
 * resolution: the survey row is claimed by the resolving event's id), a bare score in chat answers the
 * open survey. Repeats (at least once delivery, a second process) find the claim taken and do nothing.
 */
export async function handleSatisfactionMessages(deps: Deps, messages: OutboxMessage[], o: OpenSurveyOptions): Promise<void> {
  for (const [tenantId, ms] of byTenant(messages)) {
    await deps.db.tenant(tenantId, async (q) => {
      for (const m of ms) {
        const p = m.payload as Payload;
        if (!p.ticketId) continue;
        if (resolvesTicket(m)) {
          if (!tooOldToSurvey(m.createdAt, deps.clock.now())) await openSurvey(q, deps, tenantId, p.ticketId, { key: m.eventId, at: m.createdAt }, o);
        } else if (m.topic === 'csat.received' && p.data?.via !== 'survey' && typeof p.data?.score === 'number')
          await takeChatScore(q, deps, tenantId, p.ticketId, { score: p.data.score, channel: p.channel ?? 'chat', at: m.createdAt });
      }
    });
  }
}

/** Subscribes the satisfaction consumer (main.ts; tests with their own dispatcher). */
export function connectSatisfaction(deps: Deps, outbox: OutboxDispatcher, o: OpenSurveyOptions): void {
  outbox.subscribe(SATISFACTION_CONSUMER, TOPICS, (m) => handleSatisfactionMessages(deps, [m], o), (ms) => handleSatisfactionMessages(deps, ms, o));
}
