import type { Queryable } from '../../platform/db/database';
import type { ThrottleCounter, ThrottleKind } from './sign-in-throttle-rules';

type Key = { kind: ThrottleKind; key: string };
const columns = (keys: Key[]) => [keys.map((k) => k.kind), keys.map((k) => k.key)];

// Used inside system transactions: sign-in happens before the tenant is known.
export const loginThrottleRepository = {
  /**
   * The counters of these keys, created at zero when missing and locked for the transaction. Rows are
   * created and locked in one order (kind, key in byte order), so concurrent sign-ins cannot deadlock.
   */
  async lock(q: Queryable, keys: Key[], now: Date): Promise<ThrottleCounter[]> {
    const sorted = [...keys].sort((a, b) => (a.kind === b.kind ? (a.key < b.key ? -1 : 1) : a.kind < b.kind ? -1 : 1));
    await q.query(
      `INSERT INTO login_throttle (kind, key, failures, last_at)
       SELECT kind, key, 0, $3 FROM unnest($1::text[], $2::text[]) AS k(kind, key)
       ON CONFLICT (kind, key) DO NOTHING`,
      [...columns(sorted), now],
    );
    const rows = await q.query<{ kind: ThrottleKind; key: string; failures: number; last_at: Date }>(
      `SELECT kind, key, failures, last_at FROM login_throttle
       WHERE (kind, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))
       ORDER BY kind COLLATE "C", key COLLATE "C" FOR UPDATE`,
      columns(sorted),
    );
    return rows.map((r) => ({ kind: r.kind, key: r.key, failures: r.failures, lastAt: new Date(r.last_at) }));
  },
  async save(q: Queryable, counters: ThrottleCounter[]): Promise<void> {
    await q.query(
      `UPDATE login_throttle t SET failures = c.failures, last_at = c.last_at
       FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[]) AS c(kind, key, failures, last_at)
       WHERE t.kind = c.kind AND t.key = c.key`,
      [...columns(counters), counters.map((c) => c.failures), counters.map((c) => c.lastAt)],
    );
  },
  /** Takes back the failure an attempt was counted with when it was admitted. */
  async takeBack(q: Queryable, keys: Key[]): Promise<void> {
    await q.query(
      `UPDATE login_throttle t SET failures = greatest(t.failures - 1, 0)
       FROM unnest($1::text[], $2::text[]) AS c(kind, key) WHERE t.kind = c.kind AND t.key = c.key`,
      columns(keys),
    );
  },
  async remove(q: Queryable, key: Key): Promise<void> {
    await q.query('DELETE FROM login_throttle WHERE kind = $1 AND key = $2', [key.kind, key.key]);
  },
  /** Deletes counters untouched since `before` (they have leaked to nothing). */
  async purge(q: Queryable, before: Date): Promise<void> {
    await q.query('DELETE FROM login_throttle WHERE last_at < $1', [before]);
  },
};
