import { BackgroundLoop } from '../background-loop';
import type { PgliteDatabase } from './pglite-database';

// PGlite runs PostgreSQL as a single user in this process: there is no autovacuum. Without it the
// planner never gets column statistics (a ticket table of any size is planned as if nothing were known
// of its statuses, tenants or words), dead rows of updated tickets are never reclaimed and the
// visibility map that index-only scans need is never set. Nor does PGlite count changes per table, so
// what autovacuum decides from those counts is decided here from size: a table never analysed that
// holds data, or one grown by a fifth since it was last vacuumed, is vacuumed and analysed. PostgreSQL
// has its own autovacuum: this runs on PGlite only. It runs in the server's thread, so it runs rarely.

export const MAINTENANCE_INTERVAL_MS = 5 * 60_000;
/** Growth since the last vacuum that makes a table due: a share of its pages, and at least this many 8 kB pages. */
const GROWTH = 0.2;
const MIN_PAGES = 8;

/** The application's tables that are due for VACUUM (ANALYZE), largest first. */
export async function tablesDue(db: PgliteDatabase): Promise<string[]> {
  const rows = await db.system((q) =>
    q.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND n.nspname = 'public'
         AND pg_relation_size(c.oid) > 0
         AND (c.reltuples < 0 OR pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * (1 + $1::float8) + $2::int)
       ORDER BY pg_relation_size(c.oid) DESC`,
      [GROWTH, MIN_PAGES],
    ),
  );
  return rows.map((r) => r.name);
}

/** Vacuums and analyses every table due; returns their names. */
export async function maintainEmbeddedDatabase(db: PgliteDatabase): Promise<string[]> {
  const due = await tablesDue(db);
  for (const table of due) await db.maintenance(`VACUUM (ANALYZE) "${table.replace(/"/g, '""')}"`);
  return due;
}

/** `maintainEmbeddedDatabase` at start and every `intervalMs`; what it did is logged. */
export function startEmbeddedMaintenance(db: PgliteDatabase, log: { info(obj: unknown, msg: string): void; warn(obj: unknown, msg: string): void }, intervalMs = MAINTENANCE_INTERVAL_MS): { stop(): Promise<void> } {
  const loop = new BackgroundLoop(
    async () => {
      const started = Date.now();
      const tables = await maintainEmbeddedDatabase(db);
      if (tables.length) log.info({ tables, ms: Date.now() - started }, 'vacuumed and analysed the embedded database');
    },
    { onError: (err) => log.warn({ err }, 'maintaining the embedded database failed; trying again later') },
  );
  loop.start(intervalMs);
  return loop;
}
