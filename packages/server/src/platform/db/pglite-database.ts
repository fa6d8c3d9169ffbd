import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lockDataDirectory, type DataDirLock } from './data-dir-lock';
import type { Database, OwnerQueryable, Queryable } from './database';
import { SYSTEM_PRELUDE, tenantPrelude } from './database';

export interface PgliteOptions {
  dataDir?: string;
  loadDataDir?: Blob | File;
  appRole: string;
}

/**
 * Opens PGlite in memory, or on the folder `dataDir` — which this process then holds (a lock file beside
 * it) until close(), or throws DataDirectoryInUse at once if another process holds it.
 */
export async function openPglite(opts: PgliteOptions): Promise<PgliteDatabase> {
  let lock: DataDirLock | null = null;
  if (opts.dataDir) {
    const dir = resolve(opts.dataDir);
    mkdirSync(dirname(dir), { recursive: true });
    lock = await lockDataDirectory(dir);
  }
  try {
    const pg = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir, extensions: { pg_trgm } });
    return new PgliteDatabase(pg, opts.appRole, lock);
  } catch (err) {
    lock?.release();
    throw err;
  }
}

// PGlite runs in this thread and answers through promises only: queued transactions would run back to
// back in microtasks and keep the event loop from reading requests and sending answers. Each
// transaction first yields to the event loop, so I/O and waiting requests are served in turn.
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class PgliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  constructor(
    readonly pg: PGlite,
    private readonly appRole: string,
    private readonly lock: DataDirLock | null = null,
  ) {}

  /**
   * Switches the single session to the application role; called after migrations. The role may also
   * vacuum and analyse (pg_maintain): PGlite has no autovacuum, the server does it (embedded-maintenance).
   */
  async useAppRole(): Promise<void> {
    await this.pg.exec(`GRANT pg_maintain TO ${this.appRole}; SET ROLE ${this.appRole}`);
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pg.query<T>(sql, params)).rows;
  }

  tenant<T>(tenantId: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.tx(tenantPrelude(tenantId), fn);
  }

  system<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.tx(SYSTEM_PRELUDE, fn);
  }

  owner<T>(fn: (q: OwnerQueryable) => Promise<T>): Promise<T> {
    return this.tx('SET LOCAL ROLE NONE', fn);
  }

  private async tx<T>(prelude: string, fn: (q: OwnerQueryable) => Promise<T>): Promise<T> {
    await yieldToEventLoop();
    return this.pg.transaction(async (tx) => {
      await tx.exec(prelude);
      return fn({
        query: async (s, p = []) => (await tx.query<any>(s, p)).rows,
        script: async (s) => {
          await tx.exec(s);
        },
      });
    });
  }

  /** One maintenance statement that cannot run in a transaction (VACUUM), between the queued transactions. */
  async maintenance(sql: string): Promise<void> {
    await yieldToEventLoop();
    await this.pg.exec(sql);
  }

  /** Closes PGlite (which writes what it holds to the folder), then lets other processes open the folder. */
  async close(): Promise<void> {
    try {
      if (!this.pg.closed) await this.pg.close();
    } finally {
      this.lock?.release();
    }
  }
}
