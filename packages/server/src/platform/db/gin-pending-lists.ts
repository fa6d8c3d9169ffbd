import { BackgroundLoop } from '../background-loop';
import type { Database } from './database';

// GIN indexes (the tickets' full-text `search` and `tags`) take new entries into a pending list and
// merge it into the index when it outgrows gin_pending_list_limit (4 MB) — inside whichever insert
// crosses the limit. Under a steady load of new tickets that is one batch of ~100 creates every few
// seconds waiting 200–300 ms for the merge: the slowest 1 % of all requests. Merging the lists in the
// background, a few times a second, keeps them small, so no request ever pays for a merge (an insert
// finding a merge in progress does not wait for it) and searches have less pending list to scan.
// Worth it on PostgreSQL, where the merge runs in another backend; on PGlite it would run in the
// server's own thread, and many small merges cost more CPU than the few large ones (measured: 475 vs
// 580–680 tickets/s), so the server starts the cleaner on PostgreSQL only.

/** The GIN indexes new tickets write to. */
export const GIN_INDEXES = ['tickets_search', 'tickets_tags'];
export const GIN_CLEAN_INTERVAL_MS = 250;

/**
 * Merges the pending lists of the GIN indexes into their indexes; returns the pending-list pages
 * merged (0 when there was nothing to merge). Needs the owner of the indexes: the system connection.
 */
export async function cleanGinPendingLists(db: Database, indexes: string[] = GIN_INDEXES): Promise<number> {
  const [r] = await db.system((q) =>
    q.query<{ pages: number | null }>(
      `SELECT sum(gin_clean_pending_list(c.oid))::int AS pages FROM pg_class c
       WHERE c.relkind = 'i' AND c.relname = ANY($1::text[]) AND pg_table_is_visible(c.oid)`,
      [indexes],
    ),
  );
  return r?.pages ?? 0;
}

/**
 * Runs `cleanGinPendingLists` every `intervalMs`. A database that refuses it (a connection that does
 * not own the indexes) is reported once and the cleaner stops: inserts then merge as PostgreSQL does
 * by default.
 */
export function startGinCleaner(db: Database, log: { warn(obj: unknown, msg: string): void }, intervalMs = GIN_CLEAN_INTERVAL_MS): { stop(): Promise<void> } {
  const loop: BackgroundLoop = new BackgroundLoop(() => cleanGinPendingLists(db), {
    onError: (err) => {
      log.warn({ err }, 'cannot merge the GIN pending lists in the background; inserts will merge them');
      void loop.stop();
    },
  });
  loop.start(intervalMs);
  return loop;
}
