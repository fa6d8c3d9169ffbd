import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database';

// Each module keeps the migrations of its own tables in its `migrations/` folder (the platform's are
// beside this file). Together they are ONE history, ordered by file name across the folders: a file
// is named after its place in it (`0013_intake.sql`), and the name is what schema_migrations records.
//
// Migrations written before the modules owned their tables created the tables of several modules at
// once. They were split by owner into parts named `<old name>.<n>-<owner>.sql` (0001_core.sql became
// 0001_core.1-identity.sql … 0001_core.6-platform.sql, run in that order): a database that recorded
// the old name has applied every one of its parts, so they are recorded for it, not run again.

const SRC_DIR = join(dirname(fileURLToPath(import.meta.url)), '../..');
const LOCK_ID = 804_771_301;
const SPLIT_PART = /^(.+)\.\d+-[a-z0-9-]+\.sql$/;

export interface Migration {
  /** the file name, recorded in schema_migrations */
  version: string;
  path: string;
}

/** The folders holding migrations: the platform's and every module's `migrations/`. */
export function migrationDirs(srcDir = SRC_DIR): string[] {
  const modules = join(srcDir, 'modules');
  return [
    join(srcDir, 'platform/db/migrations'),
    ...readdirSync(modules, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(modules, d.name, 'migrations'))
      .filter((d) => existsSync(d)),
  ];
}

/** Every migration, in the order of the one history; a version found twice is an error. */
export function migrationFiles(dirs = migrationDirs()): Migration[] {
  const all = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => ({ version: f, path: join(dir, f) })));
  all.sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  for (let i = 1; i < all.length; i++)
    if (all[i].version === all[i - 1].version) throw new Error(`Migration ${all[i].version} is in two places: ${all[i - 1].path} and ${all[i].path}`);
  return all;
}

/** The migration a split part was cut from (0001_core.sql for 0001_core.3-catalog.sql), or null. */
export function splitFrom(version: string): string | null {
  const m = SPLIT_PART.exec(version);
  return m ? `${m[1]}.sql` : null;
}

/** Applies pending SQL migrations in order, once, under an advisory lock (safe with several processes). */
export async function migrate(db: Database, appRole: string, migrations: Migration[] = migrationFiles()): Promise<string[]> {
  return db.owner(async (q) => {
    await q.query(`SELECT pg_advisory_xact_lock(${LOCK_ID})`);
    await q.script(`CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await q.query<{ version: string }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: string[] = [];
    for (const { version, path } of migrations) {
      if (done.has(version)) continue;
      const whole = splitFrom(version);
      if (!(whole && done.has(whole))) {
        await q.script(readFileSync(path, 'utf8').replaceAll('{{APP_ROLE}}', appRole));
        applied.push(basename(path));
      }
      await q.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
    return applied;
  });
}
