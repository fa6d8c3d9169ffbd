import { PermanentIntakeError, type ChannelSender } from '../intake-types';
import { chatHub } from './chat-hub';

/**
 * Sends an agent's reply to the chat widget: pushed to the visitor's open sockets (on every server
 * process); a visitor who is offline reads it in the transcript when they come back, so it counts as sent.
 */
export const chatSender: ChannelSender = {
  channel: 'chat',
  identityKind: 'other',
  async send(deps, m) {
    const key = [...m.threadKeys].reverse().find((k) => k.startsWith('chat:')) ?? (m.recipient.startsWith('chat:') ? m.recipient : null);
    if (!key) throw new PermanentIntakeError('NO_CONVERSATION', 'The ticket has no chat conversation to answer in');
    const conversationId = key.slice('chat:'.length);
    const reached = await chatHub.publish(m.tenantId, conversationId, {
      type: 'message',
      message: { id: m.commentId, from: 'agent', authorName: m.authorName || null, text: m.bodyText, at: deps.clock.now().toISOString() },
    });
    return { externalId: `${conversationId}/${m.commentId}${reached ? "" : " (offline)"}` };
  },
};
