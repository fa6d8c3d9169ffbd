import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../src/platform/db/postgres-database';
import { APP_ROLE, createPostgresTestDatabaseUrl, testDbKind } from '../support/test-db';

// A transaction of ours left open would hold back every outbox reader on the cluster: PostgreSQL ends a
// pooled session that sits idle inside a transaction too long; the call fails, the pool goes on.
describe.runIf(testDbKind() === 'postgres')('a pooled session idle in a transaction', () => {
  let url: string;
  const dbs: PostgresDatabase[] = [];
  const open = (o: { idleInTransactionMs?: number } = {}) => {
    const db = new PostgresDatabase({ url, poolSize: 1, appRole: APP_ROLE, ...o });
    dbs.push(db);
    return db;
  };
  beforeAll(async () => {
    url = await createPostgresTestDatabaseUrl();
  });
  afterAll(async () => {
    for (const db of dbs) await db.close().catch(() => undefined);
  });

  it('is ended after the timeout: its call fails and the next transaction gets a new session', async () => {
    const db = open({ idleInTransactionMs: 200 });
    let pid = 0;
    const call = db.system(async (q) => {
      pid = (await q.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_current_xact_id()'))[0].pid;
      await new Promise((r) => setTimeout(r, 1000)); // awaiting something else mid-transaction: the leak
      await q.query('SELECT 1');
    });
    await expect(call).rejects.toThrow(/idle-in-transaction|terminat|connection/i);
    const next = await db.system(async (q) => (await q.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0].pid);
    expect(next).not.toBe(pid);
  });

  it('leaves a transaction that is busy, not idle, alone', async () => {
    const db = open({ idleInTransactionMs: 200 });
    expect(await db.system(async (q) => (await q.query('SELECT pg_sleep(0.5)'), (await q.query<{ one: number }>('SELECT 1 AS one'))[0].one))).toBe(1);
  });

  it('is set on every pooled session, 5 minutes by default', async () => {
    expect(await open().query('SHOW idle_in_transaction_session_timeout')).toEqual([{ idle_in_transaction_session_timeout: '5min' }]);
  });
});
