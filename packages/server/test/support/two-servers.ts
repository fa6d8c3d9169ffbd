import pg from 'pg';
import { adminApiKey, startServer, type ServerHandle } from '../../bench/lib/server';
import { createPostgresTestDatabaseUrl } from './test-db';

// The exactly-once race tests: two real server processes (node --import tsx src/main.ts) on one fresh
// PostgreSQL database, an admin API key, and a plain pg client to look at what the two of them did.

export type WhichServer = 'a' | 'b';

export interface TwoServers {
  /** The processes as they are now (`restart` replaces one). */
  readonly a: ServerHandle;
  readonly b: ServerHandle;
  /** An admin API key (made through A; valid on both). */
  key: string;
  /** A client on the database both servers use, as TEST_DATABASE_URL's user (not the app role), to check what they wrote. */
  db: pg.Client;
  /** SIGKILL, without waiting for the process to exit. */
  kill(which: WhichServer): void;
  /** Stops the process if it still runs and starts a new one on the same database with the same env. */
  restart(which: WhichServer): Promise<ServerHandle>;
  /** Closes the pg client and stops both processes. */
  close(): Promise<void>;
}

/** The application_name each server's connections carry (pg_stat_activity tells whose a backend is). */
export const serverAppName = (which: WhichServer) => `gongdan-${which}`;

/** Server A, then B, with `env` on a new database from the test template. */
export async function startTwoServers(env: Record<string, string>): Promise<TwoServers> {
  const databaseUrl = await createPostgresTestDatabaseUrl();
  const named = (which: WhichServer) => {
    const u = new URL(databaseUrl);
    u.searchParams.set('application_name', serverAppName(which));
    return u.toString();
  };
  const start = (which: WhichServer) => startServer({ databaseUrl: named(which), env });
  const servers: Partial<Record<WhichServer, ServerHandle>> = {};
  let db: pg.Client | undefined;
  const close = async () => {
    await db?.end();
    await Promise.all([servers.a?.stop(), servers.b?.stop()]);
  };
  try {
    servers.a = await start('a');
    servers.b = await start('b');
    const key = await adminApiKey(servers.a.url);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    db = client;
    return {
      get a() {
        return servers.a!;
      },
      get b() {
        return servers.b!;
      },
      key,
      db: client,
      kill: (which) => void servers[which]!.proc.kill('SIGKILL'),
      async restart(which) {
        await servers[which]!.stop();
        servers[which] = await start(which);
        return servers[which];
      },
      close,
    };
  } catch (err) {
    await close(); // a process that did start must not outlive the failed set-up
    throw err;
  }
}

/** Waits until the outbox consumer (e.g. 'dispatch') has delivered every message, retries included. */
export async function consumerCaughtUp(db: pg.Client, consumer: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = (
      await db.query(
        `SELECT (SELECT count(*)::int FROM outbox o, outbox_cursors c WHERE c.consumer = $1 AND (o.tx, o.id) > (c.tx, c.id))
           + (SELECT count(*)::int FROM outbox_retries WHERE consumer = $1) AS n`,
        [consumer],
      )
    ).rows;
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`${consumer} is ${n} messages behind`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
