import { BackgroundLoop } from '../background-loop';
import type { PgliteDatabase } from './pglite-database';

// PGlite runs PostgreSQL as a single user in this process: there is no autovacuum. Without it the
// planner never gets column statistics (a ticket table of any size is planned as if nothing were known
// of its statuses, tenants or words), dead rows of updated tickets are never reclaimed and the
// visibility map that index-only scans need is never set. Nor does PGlite count changes per table, so
// what autovacuum decides from those counts is decided here from size: a table never analysed that
// holds data, or one grown by a fifth since it was last vacuumed, is vacuumed and analysed. PostgreSQL
// has its own autovacuum: this runs on PGlite only. It runs in the server's thread, so it runs rarely,
// and VACUUM, whose first pass reads the whole table, only on tables up to VACUUM_MAX_PAGES: a larger
// one is only analysed (ANALYZE reads a sample of 30,000 rows whatever the size). An embedded database
// that large belongs on PostgreSQL.

export const MAINTENANCE_INTERVAL_MS = 5 * 60_000;
/** Growth since the last vacuum that makes a table due: a share of its pages, and at least this many 8 kB pages. */
const GROWTH = 0.2;
const MIN_PAGES = 8;
/** 80 MB: about 90,000 tickets. Measured here: 20,000 tickets (2,320 pages) took 1.3 s to vacuum and analyse, 1.1 s of it the ANALYZE. */
export const VACUUM_MAX_PAGES = 10_000;

export interface DueTable {
  name: string;
  pages: number;
}

/** The application's tables that are due for VACUUM (ANALYZE), largest first. */
export async function tablesDue(db: PgliteDatabase): Promise<DueTable[]> {
  return db.system((q) =>
    q.query<DueTable>(
      `SELECT c.relname AS name, (pg_relation_size(c.oid) / current_setting('block_size')::int)::int AS pages
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND n.nspname = 'public'
         AND pg_relation_size(c.oid) > 0
         AND (c.reltuples < 0 OR pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * (1 + $1::float8) + $2::int)
       ORDER BY pg_relation_size(c.oid) DESC`,
      [GROWTH, MIN_PAGES],
    ),
  );
}

/** Vacuums and analyses every table due (a table over VACUUM_MAX_PAGES is only analysed); returns their names. */
export async function maintainEmbeddedDatabase(db: PgliteDatabase, vacuumMaxPages = VACUUM_MAX_PAGES): Promise<string[]> {
  const due = await tablesDue(db);
  for (const t of due) {
    const name = `"${t.name.replace(/"/g, '""')}"`;
    // ANALYZE also records the table's size (relpages): either way it is due again only once it grew again
    await db.maintenance(t.pages <= vacuumMaxPages ? `VACUUM (ANALYZE) ${name}` : `ANALYZE ${name}`);
  }
  return due.map((t) => t.name);
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
