import { listenPostgres } from '../../../platform/db/pg-listener';
import type { ChannelPlugin } from '../channel-plugin';
import { chatAdapter } from './chat-adapter';
import { CHAT_CHANNEL, chatHub } from './chat-hub';
import { chatRoutes } from './chat-routes';
import { chatSender } from './chat-sender';

/** Live chat: the embeddable widget, its WebSocket, conversations as tickets, agents' replies pushed back. */
export const chatPlugin: ChannelPlugin = {
  name: 'chat',
  register(registry) {
    registry.addAdapter(chatAdapter);
    registry.addSender(chatSender);
  },
  routes: chatRoutes,
  async start(rt) {
    // several processes on one PostgreSQL: replies reach the visitor's socket on whichever process holds it
    if (rt.deps.db.kind !== 'postgres' || !rt.config.DATABASE_URL) return null;
    chatHub.relayDeps = rt.deps;
    const listener = listenPostgres(rt.config.DATABASE_URL, CHAT_CHANNEL, (payload) => chatHub.received(payload), rt.log);
    await listener.ready;
    return {
      address: { listen: CHAT_CHANNEL },
      async close() {
        chatHub.relayDeps = null;
        await listener.close();
      },
    };
  },
};
