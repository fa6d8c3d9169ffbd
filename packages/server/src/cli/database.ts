import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../platform/config';
import type { Database } from '../platform/db/database';
import { migrate } from '../platform/db/migrate';
import { openDatabase } from '../platform/db/open-database';
import { openPglite } from '../platform/db/pglite-database';
import { PostgresDatabase } from '../platform/db/postgres-database';

/** Opens the configured database (migrated), runs the work, and always closes it so the process can exit. */
export async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Where the data lives, for messages: the PostgreSQL URL without its password, or the PGlite folder. */
export function describeDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): string {
  if (!config.DATABASE_URL) return `PGlite in ${join(config.DATA_DIR, 'pglite')}`;
  try {
    const u = new URL(config.DATABASE_URL);
    if (u.password) u.password = '***';
    return `PostgreSQL ${u.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Like openDatabase, but reports which migrations it applied (`gongdan migrate`). Kept in step with
 * platform/db/open-database.ts.
 */
export async function migrateDatabase(config: Config): Promise<{ applied: string[]; database: string }> {
  let db: Database;
  if (config.DATABASE_URL) db = new PostgresDatabase({ url: config.DATABASE_URL, poolSize: 2, appRole: config.DATABASE_APP_ROLE });
  else {
    const dir = join(config.DATA_DIR, 'pglite');
    mkdirSync(dir, { recursive: true });
    db = await openPglite({ dataDir: dir, appRole: config.DATABASE_APP_ROLE });
  }
  try {
    return { applied: await migrate(db, config.DATABASE_APP_ROLE), database: describeDatabase(config) };
  } finally {
    await db.close();
  }
}
