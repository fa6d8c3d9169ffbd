import type { Queryable } from '../db/database';
import type { HeldBackReading } from './held-back-episode';

export interface OutboxMessage {
  id: number;
  tenantId: string;
  eventId: string;
  topic: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  /** earlier failed deliveries of this message to this consumer */
  attempts: number;
}

/** A consumer's place in the log: the (transaction, id) of the last message it has passed. */
export interface OutboxCursor {
  tx: string;
  id: number;
}

/** The session (or prepared transaction) holding a transaction open. */
export interface TransactionHolder {
  pid: number | null;
  database: string | null;
  user: string | null;
  application: string | null;
  state: string | null;
  startedAt: Date | null;
  /** gid of a prepared transaction (COMMIT / ROLLBACK PREPARED ends it) */
  prepared: string | null;
}

interface OutboxRow {
  id: string;
  tx: string;
  tenant_id: string;
  event_id: string;
  topic: string;
  payload: Record<string, unknown>;
  created_at: Date;
  attempts?: number;
}

const toMessage = (r: OutboxRow): OutboxMessage => ({
  id: Number(r.id),
  tenantId: r.tenant_id,
  eventId: r.event_id,
  topic: r.topic,
  payload: r.payload,
  createdAt: r.created_at,
  attempts: r.attempts ?? 0,
});

// Cross-tenant platform work: always used inside db.system transactions.
export const outboxRepository = {
  /** Takes a consumer's cursor for `leaseMs` (creating it at the start of the log); null if another process holds it. */
  async leaseCursor(q: Queryable, consumer: string, owner: string, now: Date, leaseMs: number): Promise<OutboxCursor | null> {
    await q.query('INSERT INTO outbox_cursors (consumer) VALUES ($1) ON CONFLICT DO NOTHING', [consumer]);
    const [row] = await q.query<{ tx: string; id: string }>(
      `UPDATE outbox_cursors SET leased_until = $3::timestamptz + make_interval(secs => $4::float8 / 1000), lease_owner = $2
       WHERE consumer = $1 AND (leased_until IS NULL OR leased_until < $3 OR lease_owner = $2)
       RETURNING tx::text AS tx, id`,
      [consumer, owner, now, leaseMs],
    );
    return row ? { tx: row.tx, id: Number(row.id) } : null;
  },
  /** Moves the cursor (when given) and gives the lease back. */
  async releaseCursor(q: Queryable, consumer: string, owner: string, to: OutboxCursor | null): Promise<void> {
    await q.query(
      `UPDATE outbox_cursors SET tx = coalesce($3::xid8, tx), id = coalesce($4::bigint, id), leased_until = NULL, lease_owner = NULL
       WHERE consumer = $1 AND lease_owner = $2`,
      [consumer, owner, to?.tx ?? null, to?.id ?? null],
    );
  },
  /** Messages after the cursor written by transactions that have all ended, in log order. */
  async after(q: Queryable, cursor: OutboxCursor, limit: number): Promise<(OutboxMessage & { cursor: OutboxCursor })[]> {
    const rows = await q.query<OutboxRow>(
      `SELECT id, tx::text AS tx, tenant_id, event_id, topic, payload, created_at FROM outbox
       WHERE (tx, id) > ($1::xid8, $2::bigint) AND tx < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY tx, id LIMIT $3`,
      [cursor.tx, cursor.id, limit],
    );
    return rows.map((r) => ({ ...toMessage(r), cursor: { tx: r.tx, id: Number(r.id) } }));
  },
  /**
   * Committed messages `after` may not return yet: their transactions ended, but one older than them (the
   * snapshot's xmin, open anywhere on the cluster) has not. A range of the (tx, id) index.
   */
  async heldBack(q: Queryable): Promise<HeldBackReading> {
    const [row] = await q.query<{ xmin: string; oldest: Date | null; waiting: string | number }>(
      `SELECT pg_snapshot_xmin(s.s)::text AS xmin, w.oldest, w.waiting
       FROM pg_current_snapshot() AS s(s),
       LATERAL (SELECT min(created_at) AS oldest, count(*) AS waiting FROM outbox
                WHERE tx >= pg_snapshot_xmin(s.s) AND pg_visible_in_snapshot(tx, s.s)) w`,
    );
    return { xmin: row.xmin, oldest: row.oldest ? new Date(row.oldest) : null, waiting: Number(row.waiting) };
  },
  /**
   * Who holds transaction `xid` (32-bit) open: its session, or a prepared transaction. A role without
   * pg_read_all_stats sees another user's pid, database, user and application but not its state or start.
   */
  async holder(q: Queryable, xid: string): Promise<TransactionHolder | null> {
    const [session] = await q.query<TransactionHolder>(
      `SELECT pid, datname AS database, usename AS "user", application_name AS application, state, xact_start AS "startedAt", NULL AS prepared
       FROM pg_stat_activity WHERE backend_xid = $1::xid`,
      [xid],
    );
    if (session) return session;
    const [prepared] = await q.query<TransactionHolder>(
      `SELECT NULL::int AS pid, database, owner AS "user", NULL AS application, 'prepared' AS state, prepared AS "startedAt", gid AS prepared
       FROM pg_prepared_xacts WHERE transaction = $1::xid`,
      [xid],
    );
    return prepared ?? null;
  },
  /** Failed messages of a consumer whose backoff has passed. */
  async dueRetries(q: Queryable, consumer: string, now: Date, limit: number): Promise<OutboxMessage[]> {
    const rows = await q.query<OutboxRow>(
      `SELECT o.id, o.tx::text AS tx, o.tenant_id, o.event_id, o.topic, o.payload, o.created_at, r.attempts FROM outbox_retries r
       JOIN outbox o ON o.id = r.outbox_id WHERE r.consumer = $1 AND r.available_at <= $2 ORDER BY o.tx, o.id LIMIT $3`,
      [consumer, now, limit],
    );
    return rows.map(toMessage);
  },
  async scheduleRetry(q: Queryable, consumer: string, id: number, attempts: number, at: Date, error: string): Promise<void> {
    await q.query(
      `INSERT INTO outbox_retries (consumer, outbox_id, attempts, available_at, last_error) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (consumer, outbox_id) DO UPDATE SET attempts = excluded.attempts, available_at = excluded.available_at, last_error = excluded.last_error`,
      [consumer, id, attempts, at, error.slice(0, 2000)],
    );
  },
  async retried(q: Queryable, consumer: string, id: number): Promise<void> {
    await q.query('DELETE FROM outbox_retries WHERE consumer = $1 AND outbox_id = $2', [consumer, id]);
  },
  /** Drops messages past the retention, a bounded batch per call. */
  async purge(q: Queryable, before: Date, limit: number): Promise<number> {
    const rows = await q.query('DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE created_at < $1 LIMIT $2) RETURNING id', [before, limit]);
    return rows.length;
  },
};
