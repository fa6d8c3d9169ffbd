import type { Deps } from '../../../platform/deps';
import { plainText } from '../../../platform/text/sanitize';
import { ticketRepository } from '../../tickets';
import { threadRepository } from '../thread-repository';
import { webIntakeRepository } from '../web/web-intake-repository';
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
    const ticket = ticketId ? await ticketRepository.byId(q, ticketId) : undefined;
    const messages: ChatLine[] = [];
    if (ticket) {
      // the ticket's description is the first message, which opened it
      messages.push({ id: `ticket-${ticket.id}`, from: 'visitor', authorName: null, text: plainText(ticket.description).trim(), at: ticket.created_at.toISOString() });
      for (const r of await webIntakeRepository.publicReplies(q, ticket.id))
        messages.push({ id: r.id, from: r.author_type === 'contact' ? 'visitor' : 'agent', authorName: r.author_type === 'contact' ? null : r.author_name, text: r.body_text, at: r.created_at.toISOString() });
    }
    for (const p of await chatRepository.pendingOf(q, channelId, conversationId)) {
      const m = JSON.parse(Buffer.from(p.raw).toString('utf8')) as StoredChatMessage;
      messages.push({ id: m.clientId, from: 'visitor', authorName: null, text: m.text, at: p.received_at.toISOString() });
    }
    return { ticketNumber: ticket ? Number(ticket.number) : null, messages };
  });
}
