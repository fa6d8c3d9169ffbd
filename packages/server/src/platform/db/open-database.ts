import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite-database';
import { PostgresDatabase } from './postgres-database';

/** Opens the configured database, applies migrations as the owner, then switches to the app role. */
export async function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DATABASE_POOL_SIZE' | 'DATABASE_APP_ROLE'>): Promise<Database> {
  if (config.DATABASE_URL) {
    const db = new PostgresDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, appRole: config.DATABASE_APP_ROLE });
    await migrate(db, config.DATABASE_APP_ROLE);
    return db;
  }
  const dir = join(config.DATA_DIR, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await openPglite({ dataDir: dir, appRole: config.DATABASE_APP_ROLE });
  await migrate(db, config.DATABASE_APP_ROLE);
  await db.useAppRole();
  return db;
}
