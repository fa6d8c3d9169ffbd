import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../../src/platform/db/database';
import { openPglite } from '../../src/platform/db/pglite-database';
import { PostgresDatabase } from '../../src/platform/db/postgres-database';

export const APP_ROLE = 'gongdan_app';
export const testDbKind = () => (process.env.GONGDAN_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/** A fresh, migrated database for one test file: PGlite from the template dump, or a new PostgreSQL database. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  if (testDbKind() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `${inject('pgRunPrefix')}${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = new PostgresDatabase({ url: u.toString(), poolSize: 10, appRole: APP_ROLE });
    return Object.assign(db, { url: u.toString() });
  }
  const blob = new Blob([await readFile(inject('pgliteTemplate'))]);
  const db = await openPglite({ loadDataDir: blob, appRole: APP_ROLE });
  await db.useAppRole();
  return db;
}

/** The URL of a fresh, migrated PostgreSQL database that server processes open themselves; the global teardown drops it. */
export async function createPostgresTestDatabaseUrl(): Promise<string> {
  if (testDbKind() !== 'postgres') throw new Error('a database URL needs TEST_DATABASE_URL (the postgres project)');
  const db = await createTestDatabase();
  await db.close();
  return db.url!;
}
