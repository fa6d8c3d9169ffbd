import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, OwnerQueryable, Queryable } from './database';
import { SYSTEM_PRELUDE, tenantPrelude } from './database';

// node-postgres returns bigint as string and numeric as string; ticket numbers fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export interface PostgresOptions {
  url: string;
  poolSize: number;
  appRole: string;
  /** how often a session running a statement asks whether its client is still there (ms; default 5 s) */
  deadClientCheckMs?: number;
  /** a pooled session idle inside a transaction this long is ended by PostgreSQL (ms; default 5 min; 0: never) */
  idleInTransactionMs?: number;
}

/** A server process killed while one of its sessions waits on a lock (a tenant's dispatch lock held by the
 * same transaction) would otherwise keep that transaction, and every lock it holds, until the wait ends:
 * PostgreSQL reads the socket only between statements. `client_connection_check_interval` (PostgreSQL 14+)
 * makes the session notice the dead client while it waits and roll back. */
export const DEAD_CLIENT_CHECK_MS = 5000;

/** A transaction of ours left open (a bug awaiting something else mid-transaction, a hung step) would hold
 * back every outbox reader on the cluster, which reads only below the oldest open transaction. None of ours
 * waits on anything but the database inside a transaction (mail, HTTP, file reads and model training run
 * between transactions), so one idle that long is a leak: PostgreSQL ends its session and the call fails. */
export const IDLE_IN_TRANSACTION_MS = 5 * 60_000;

/**
 * Writes are sent as named prepared statements: PostgreSQL parses and plans them once per connection.
 * Reads stay unnamed so their plans always see the actual filter values.
 */
const WRITE = /^\s*(INSERT|UPDATE|DELETE|WITH)\b/i;
const names = new Map<string, string>();
export function statementFor(text: string, values: unknown[] | undefined): pg.QueryConfig {
  if (!values?.length || !WRITE.test(text)) return { text, values };
  let name = names.get(text);
  if (!name) {
    name = `gd_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    if (names.size < 5000) names.set(text, name);
  }
  return { name, text, values };
}

export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;

  constructor(private readonly opts: PostgresOptions) {
    // The role is a startup option: a pooled session runs as the app role from its first query,
    // and fails to connect (rather than running as the owner) if the role is missing. JIT is off: for
    // these short queries compiling costs more than it saves (a 1 M-ticket count: 350 ms with, 95 ms without).
    // A dead client is noticed within DEAD_CLIENT_CHECK_MS even while its session waits on a lock; a
    // transaction left idle is ended after IDLE_IN_TRANSACTION_MS.
    const check = opts.deadClientCheckMs ?? DEAD_CLIENT_CHECK_MS;
    const idle = opts.idleInTransactionMs ?? IDLE_IN_TRANSACTION_MS;
    this.pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize,
      options: `-c role=${opts.appRole} -c jit=off -c client_connection_check_interval=${check} -c idle_in_transaction_session_timeout=${idle}`,
    });
    this.pool.on('error', () => {
      /* an idle client's error surfaces on its next query */
    });
  }

  /** Outside a transaction: runs as the app role with no tenant, so tenant tables show nothing. */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  tenant<T>(tenantId: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.tx(tenantPrelude(tenantId), fn);
  }

  system<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.tx(SYSTEM_PRELUDE, fn);
  }

  private async tx<T>(prelude: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // A checked-out client has no error listener of the pool's: a connection lost mid-transaction (the
    // server restarted, the session terminated) would be an uncaught 'error' and end the process. The
    // statement under way fails with it anyway; the client is then dropped, not returned to the pool.
    const lost = () => {
      broken = true;
    };
    client.on('error', lost);
    try {
      await client.query(`BEGIN; ${prelude}`);
      const result = await fn({ query: async (s, p) => (await client.query(statementFor(s, p as unknown[]))).rows });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw err;
    } finally {
      client.off('error', lost);
      client.release(broken);
    }
  }

  async owner<T>(fn: (q: OwnerQueryable) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.opts.url });
    client.on('error', () => undefined); // a lost connection fails the statement under way (see tx)
    await client.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async (s, p) => (await client.query(s, p as unknown[])).rows,
        script: async (s) => {
          await client.query(s);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
