import type { Queryable } from '../db/database';

export interface OutboxMessage {
  id: number;
  tenantId: string;
  eventId: string;
  topic: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  attempts: number;
}

interface OutboxRow {
  id: number;
  tenant_id: string;
  event_id: string;
  topic: string;
  payload: Record<string, unknown>;
  created_at: Date;
  attempts: number;
}

const toMessage = (r: OutboxRow): OutboxMessage => ({
  id: Number(r.id),
  tenantId: r.tenant_id,
  eventId: r.event_id,
  topic: r.topic,
  payload: r.payload,
  createdAt: r.created_at,
  attempts: r.attempts,
});

// Cross-tenant platform work: always used inside db.system transactions.
export const outboxRepository = {
  /** Leases a batch of due messages, oldest first; a crashed worker's lease simply expires. */
  async lease(q: Queryable, now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
    const rows = await q.query<OutboxRow>(
      `UPDATE outbox SET available_at = $1::timestamptz + ($2 || ' milliseconds')::interval, attempts = attempts + 1
       WHERE id IN (SELECT id FROM outbox WHERE processed_at IS NULL AND available_at <= $1 ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, tenant_id, event_id, topic, payload, created_at, attempts`,
      [now, String(leaseMs), limit],
    );
    return rows.map(toMessage).sort((a, b) => a.id - b.id);
  },
  async doneConsumers(q: Queryable, ids: number[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await q.query<{ outbox_id: number; consumer: string }>('SELECT outbox_id, consumer FROM outbox_consumer_done WHERE outbox_id = ANY($1::bigint[])', [ids]);
    return new Set(rows.map((r) => `${r.outbox_id}:${r.consumer}`));
  },
  async markConsumerDone(q: Queryable, id: number, consumer: string): Promise<void> {
    await q.query('INSERT INTO outbox_consumer_done (outbox_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, consumer]);
  },
  async markProcessed(q: Queryable, ids: number[], now: Date): Promise<void> {
    if (ids.length) await q.query('UPDATE outbox SET processed_at = $2, last_error = NULL WHERE id = ANY($1::bigint[])', [ids, now]);
  },
  async reschedule(q: Queryable, id: number, at: Date, error: string): Promise<void> {
    await q.query('UPDATE outbox SET available_at = $2, last_error = $3 WHERE id = $1', [id, at, error.slice(0, 2000)]);
  },
  /** Drops processed messages past the retention, a bounded batch per call. */
  async purge(q: Queryable, before: Date, limit: number): Promise<number> {
    const rows = await q.query(
      'DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE processed_at < $1 ORDER BY id LIMIT $2) RETURNING id',
      [before, limit],
    );
    return rows.length;
  },
};
