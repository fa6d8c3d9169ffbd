import type { Queryable } from '../../platform/db/database';

// Thread keys: a channel's conversation ids (email Message-IDs, a chat id, a WeCom user, a device and
// alarm code…) pointing at the ticket they belong to.
export const threadRepository = {
  /** The ticket of the first key (in the given order) that is known. */
  async find(q: Queryable, keys: string[]): Promise<string | null> {
    if (!keys.length) return null;
    const rows = await q.query<{ key: string; ticket_id: string }>(
      'SELECT key, ticket_id FROM intake_threads WHERE tenant_id = current_tenant_id() AND key = ANY($1::text[])',
      [keys],
    );
    const byKey = new Map(rows.map((r) => [r.key, r.ticket_id]));
    for (const k of keys) if (byKey.has(k)) return byKey.get(k)!;
    return null;
  },
  /** Points the keys at the ticket; a key already pointing elsewhere is moved (the newest conversation wins). */
  async put(q: Queryable, tenantId: string, ticketId: string, keys: string[], at: Date): Promise<void> {
    await threadRepository.putMany(q, tenantId, keys.map((key) => ({ ticketId, key })), at);
  },
  /** `put` for many tickets at once: each key to its ticket (the last pair of a key wins). */
  async putMany(q: Queryable, tenantId: string, pairs: { ticketId: string; key: string }[], at: Date): Promise<void> {
    if (!pairs.length) return;
    await q.query(
      `INSERT INTO intake_threads (tenant_id, key, ticket_id, created_at) SELECT DISTINCT ON (u.key) $1, u.key, u.ticket_id, $2::timestamptz
       FROM unnest($3::text[], $4::uuid[]) WITH ORDINALITY AS u(key, ticket_id, ord) ORDER BY u.key, u.ord DESC
       ON CONFLICT (tenant_id, key) DO UPDATE SET ticket_id = EXCLUDED.ticket_id`,
      [tenantId, at, pairs.map((p) => p.key), pairs.map((p) => p.ticketId)],
    );
  },
  async forTicket(q: Queryable, ticketId: string): Promise<string[]> {
    const rows = await q.query<{ key: string }>('SELECT key FROM intake_threads WHERE tenant_id = current_tenant_id() AND ticket_id = $1 ORDER BY created_at, key', [ticketId]);
    return rows.map((r) => r.key);
  },
};
