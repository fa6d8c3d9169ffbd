import type { Database } from '../../src/platform/db/database';

/**
 * Delivers until the named consumers' cursors have passed every message in the outbox.
 *
 * On PostgreSQL a message becomes readable only once every older transaction of the whole cluster has
 * ended (the dispatcher reads below `pg_snapshot_xmin`), and the test files share one cluster: a
 * transaction open in another file's database (a CREATE DATABASE from the template on a loaded machine,
 * a test holding a lock) holds new messages back. So one drain may stop short, and this waits on a
 * deadline, not a count of rounds. When the deadline passes, the error names the cluster's oldest open
 * transactions, which is what held the messages back.
 */
export async function drainUntilPassed(
  db: Database,
  outbox: { drain(): Promise<unknown> },
  consumers: string[],
  o: { errors?: unknown[]; budgetMs?: number } = {},
): Promise<void> {
  const until = Date.now() + (o.budgetMs ?? 40_000);
  for (;;) {
    await outbox.drain();
    if (o.errors?.length) throw new Error(`a consumer failed: ${String((o.errors[0] as { err?: unknown }).err ?? JSON.stringify(o.errors[0]))}`);
    const [behind] = await db.system((q) =>
      q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox o LEFT JOIN outbox_cursors c ON c.consumer = ANY($1::text[])
          WHERE c.consumer IS NULL OR (o.tx, o.id) > (c.tx, c.id)`,
        [consumers],
      ),
    );
    if (behind.n === 0) return;
    if (Date.now() > until) throw new Error(`the outbox did not settle: ${behind.n} message(s) not passed by ${consumers.join(', ')}; ${await oldestTransactions(db)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function oldestTransactions(db: Database): Promise<string> {
  try {
    const rows = await db.system((q) =>
      q.query<{ datname: string | null; state: string | null; age_s: number; query: string | null }>(
        `SELECT datname, state, extract(epoch FROM now() - xact_start)::float8 AS age_s, left(query, 120) AS query
           FROM pg_stat_activity WHERE backend_xid IS NOT NULL OR backend_xmin IS NOT NULL ORDER BY xact_start LIMIT 5`,
      ),
    );
    return `oldest open transactions: ${JSON.stringify(rows)}`;
  } catch (err) {
    return `open transactions unknown (${String(err)})`;
  }
}
