import { PermanentIntakeError, type ChannelAdapter } from '../intake-types';
import { chatThreadKey, type Profile } from './chat-protocol';

/** What a stored chat message holds (the raw JSON of inbound_messages). */
export interface StoredChatMessage {
  conversationId: string;
  clientId: string;
  text: string;
  profile: Profile;
}

/** The identity a chat visitor's contact gets: replies are pushed to that conversation. */
export const chatIdentity = (conversationId: string) => ({ kind: 'other' as const, value: chatThreadKey(conversationId) });

/** Reads stored chat messages: the first of a conversation opens a ticket, the following join it. */
export const chatAdapter: ChannelAdapter = {
  channel: 'chat',
  parse(row) {
    let m: StoredChatMessage;
    try {
      m = JSON.parse(row.raw.toString('utf8'));
    } catch {
      throw new PermanentIntakeError('MALFORMED', 'The stored chat message is not JSON');
    }
    if (!m?.conversationId || !m.text) throw new PermanentIntakeError('MALFORMED', 'The stored chat message lacks its conversation or text');
    const key = chatThreadKey(m.conversationId);
    return {
      kind: 'message',
      message: {
        sender: { name: m.profile?.name || '访客', email: m.profile?.email, phone: m.profile?.phone, identities: [chatIdentity(m.conversationId)] },
        subject: `在线咨询：${m.text.split('\n')[0].slice(0, 60)}`,
        text: m.text,
        threadKeys: [key],
        ownKeys: [key],
      },
    };
  },
};
