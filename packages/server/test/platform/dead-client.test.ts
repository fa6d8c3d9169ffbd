import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../src/platform/db/postgres-database';
import { APP_ROLE, createTestDatabase, testDbKind } from '../support/test-db';

// A server process killed while its transaction waits on a row lock: PostgreSQL must end that session (and
// release what the transaction holds — a tenant's dispatch lock) without waiting for the lock. Killing the
// process closes its sockets; here one pooled session's socket is destroyed mid-wait, as the kernel would.
describe.runIf(testDbKind() === 'postgres')('a dead client waiting on a lock', () => {
  let url: string;
  let admin: pg.Client;
  const dbs: PostgresDatabase[] = [];

  beforeAll(async () => {
    const db = await createTestDatabase();
    url = db.url!;
    await db.close();
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE TABLE dead_client_probe (id int PRIMARY KEY); GRANT ALL ON dead_client_probe TO ${APP_ROLE}; INSERT INTO dead_client_probe VALUES (1)`);
  });
  afterAll(async () => {
    for (const db of dbs) await db.close().catch(() => undefined);
    await admin.end();
  });

  /** Opens a pool, holds the row from `admin`, lets a pooled transaction take an advisory lock and wait on
   * the row, destroys that session's socket, and says whether its backend (and its advisory lock) is gone
   * `afterMs` later while the row is still held. */
  async function waiterGoneAfter(opts: { deadClientCheckMs?: number }, afterMs: number) {
    const db = new PostgresDatabase({ url, poolSize: 2, appRole: APP_ROLE, ...opts });
    dbs.push(db);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    // an open transaction holds back every outbox reader on the cluster: it ends whatever fails here
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT * FROM dead_client_probe WHERE id = 1 FOR UPDATE');
      let pid = 0;
      const waiting = db.system(async (q) => {
        pid = (await q.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0].pid;
        await q.query('SELECT pg_advisory_xact_lock(4242)');
        await q.query('SELECT * FROM dead_client_probe WHERE id = 1 FOR UPDATE');
      });
      waiting.catch(() => undefined);
      await expect.poll(async () => (await admin.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0]?.wait_event_type, { timeout: 5000 }).toBe('Lock');
      // the pooled client's socket, as a killed process leaves it
      for (const c of (db.pool as unknown as { _clients: pg.Client[] })._clients) (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      await new Promise((r) => setTimeout(r, afterMs));
      const backend = (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount;
      const advisory = (await admin.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242 AND granted`)).rowCount;
      return { backend, advisory };
    } finally {
      await holder.end();
    }
  }

  it('ends the session and frees its locks within the check interval, while the row is still held', async () => {
    expect(await waiterGoneAfter({ deadClientCheckMs: 500 }, 1500)).toEqual({ backend: 0, advisory: 0 });
  });

  it('without the check the session keeps waiting and keeps the lock (what the setting is for)', async () => {
    expect(await waiterGoneAfter({ deadClientCheckMs: 0 }, 1500)).toEqual({ backend: 1, advisory: 1 });
  });

  it('a session ended by PostgreSQL mid-transaction fails that call with an error; the process and the pool go on', async () => {
    const db = new PostgresDatabase({ url, poolSize: 1, appRole: APP_ROLE });
    dbs.push(db);
    const call = db.system(async (q) => {
      const pid = (await q.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0].pid;
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await q.query('SELECT pg_sleep(5)');
    });
    // the termination reaches the client either as the query's error or, when it comes first, as the
    // client's connection error that refuses the query
    await expect(call).rejects.toThrow(/terminat|connection error/i);
    // the broken client left the pool: the next transaction gets a new session
    expect(await db.system(async (q) => (await q.query<{ one: number }>('SELECT 1 AS one'))[0].one)).toBe(1);
  });

  it('sets the check on every pooled session by default', async () => {
    const db = new PostgresDatabase({ url, poolSize: 1, appRole: APP_ROLE });
    dbs.push(db);
    expect(await db.query<{ client_connection_check_interval: string }>('SHOW client_connection_check_interval')).toEqual([{ client_connection_check_interval: '5s' }]);
  });
});
