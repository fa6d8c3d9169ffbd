import type { Deps } from '../../../platform/deps';
import { plainText } from '../../../platform/text/sanitize';
import { ticketSummary } from '../../tickets';
import { publicConversation } from '../public-conversation';
import { threadRepository } from '../thread-repository';
import { chatThreadKey, type ChatLine } from './chat-protocol';
import { chatRepository } from './chat-repository';
import type { StoredChatMessage } from './chat-adapter';

/**
 * What a returning visitor sees: the conversation's ticket's public replies (theirs and the agents',
 * never internal notes), then their messages still waiting to be processed.
 */
export async function chatTranscript(deps: Deps, tenantId: string, channelId: string, conversationId: string): Promise<{ ticketNumber: number | null; messages: ChatLine[] }> {
  return deps.db.tenant(tenantId, async (q) => {
    const ticketId = await threadRepository.find(q, [chatThreadKey(conversationId)]);
    const ticket = ticketId ? await ticketSummary(q, ticketId) : undefined;
    const messages: ChatLine[] = [];
    if (ticket) {
      // the ticket's description is the first message, which opened it
      messages.push({ id: `ticket-${ticket.id}`, from: 'visitor', authorName: null, text: plainText(ticket.description).trim(), at: ticket.createdAt.toISOString() });
      for (const r of await publicConversation(q, ticket.id))
        messages.push({ id: r.id, from: r.fromCustomer ? 'visitor' : 'agent', authorName: r.authorName, text: r.bodyText, at: r.createdAt.toISOString() });
    }
    for (const p of await chatRepository.pendingOf(q, channelId, conversationId)) {
      const m = JSON.parse(Buffer.from(p.raw).toString('utf8')) as StoredChatMessage;
      messages.push({ id: m.clientId, from: 'visitor', authorName: null, text: m.text, at: p.received_at.toISOString() });
    }
    return { ticketNumber: ticket ? ticket.number : null, messages };
  });
}
