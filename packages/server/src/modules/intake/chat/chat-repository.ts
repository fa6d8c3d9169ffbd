import type { Queryable } from '../../../platform/db/database';

// What the chat transport reads: the visitor's messages stored but not yet on the ticket.
export const chatRepository = {
  /** Messages of a conversation still waiting for the worker, oldest first. */
  async pendingOf(q: Queryable, channelId: string, conversationId: string): Promise<{ id: string; raw: Uint8Array; received_at: Date }[]> {
    return q.query(
      `SELECT id, raw, received_at FROM inbound_messages
       WHERE tenant_id = current_tenant_id() AND channel = 'chat' AND channel_id = $1 AND state = 'pending' AND meta ->> 'lane' = $2
       ORDER BY received_at, id LIMIT 100`,
      [channelId, `chat:${conversationId}`],
    );
  },
  async notify(q: Queryable, channel: string, payload: string): Promise<void> {
    await q.query('SELECT pg_notify($1, $2)', [channel, payload]);
  },
};
