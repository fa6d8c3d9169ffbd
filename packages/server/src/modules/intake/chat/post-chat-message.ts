import type { Deps } from '../../../platform/deps';
import type { ChannelRow } from '../channel-repository';
import { receiveInbound } from '../receive-inbound';
import type { StoredChatMessage } from './chat-adapter';
import { chatThreadKey, type Profile } from './chat-protocol';

/**
 * A visitor's chat message, stored raw before the widget gets its acknowledgement. The message id the
 * widget chose makes a resent message (after a reconnect) a duplicate; the conversation is the lane,
 * so its messages reach the ticket in order.
 */
export async function postChatMessage(deps: Deps, channel: ChannelRow, conversationId: string, m: { id: string; text: string; profile: Profile; ip: string }) {
  const stored: StoredChatMessage = { conversationId, clientId: m.id, text: m.text, profile: m.profile };
  return receiveInbound(deps, {
    tenantId: channel.tenantId,
    channel: 'chat',
    channelId: channel.id,
    externalId: `${conversationId}:${m.id}`,
    contentType: 'application/json',
    raw: Buffer.from(JSON.stringify(stored)),
    meta: { lane: chatThreadKey(conversationId), ip: m.ip },
  });
}
