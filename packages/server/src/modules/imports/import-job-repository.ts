import type { Queryable } from '../../platform/db/database';
import type { JobError, JobProgress } from './import-job-rules';

export type ImportJobState = 'queued' | 'running' | 'done' | 'failed';

/** Who uploaded the file; the imported tickets' events name them. */
export interface JobActor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string;
}

export interface ImportJobRow {
  id: string;
  tenant_id: string;
  file_name: string;
  file_size: number;
  storage_key: string;
  state: ImportJobState;
  total_rows: number;
  processed_rows: number;
  created_count: number;
  exists_count: number;
  failed_count: number;
  errors: JobError[];
  actor: JobActor;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
  leased_until: Date | null;
  lease_owner: string | null;
  attempts: number;
  last_error: string | null;
}

const COLS = `id, tenant_id, file_name, file_size::float8 AS file_size, storage_key, state, total_rows, processed_rows, created_count, exists_count,
  failed_count, errors, actor, created_at, started_at, finished_at, updated_at, leased_until, lease_owner, attempts, last_error`;

export const importJobRepository = {
  async insert(q: Queryable, j: Pick<ImportJobRow, 'id' | 'tenant_id' | 'file_name' | 'file_size' | 'storage_key' | 'total_rows' | 'actor' | 'created_at'>): Promise<ImportJobRow> {
    const [row] = await q.query<ImportJobRow>(
      `INSERT INTO import_jobs (id, tenant_id, file_name, file_size, storage_key, state, total_rows, actor, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, $8, $8) RETURNING ${COLS}`,
      [j.id, j.tenant_id, j.file_name, j.file_size, j.storage_key, j.total_rows, JSON.stringify(j.actor), j.created_at],
    );
    return row;
  },

  /** The tenant's jobs, newest first. */
  list(q: Queryable, limit: number): Promise<ImportJobRow[]> {
    return q.query<ImportJobRow>(`SELECT ${COLS} FROM import_jobs ORDER BY created_at DESC, id DESC LIMIT $1`, [limit]);
  },

  async byId(q: Queryable, id: string): Promise<ImportJobRow | undefined> {
    return (await q.query<ImportJobRow>(`SELECT ${COLS} FROM import_jobs WHERE id = $1`, [id]))[0];
  },

  /**
   * Takes the job whose turn it is (any tenant; system session) for `owner` until `leaseUntil`: a
   * queued job or one left running whose lease has run out (its process died). Jobs take turns in
   * order of their last progress, so one large file does not keep another tenant's waiting.
   */
  async claimNext(q: Queryable, now: Date, owner: string, leaseUntil: Date): Promise<ImportJobRow | undefined> {
    const [row] = await q.query<ImportJobRow>(
      `UPDATE import_jobs SET state = 'running', lease_owner = $2, leased_until = $3, started_at = coalesce(started_at, $1)
       WHERE id = (SELECT id FROM import_jobs WHERE state IN ('queued', 'running') AND (leased_until IS NULL OR leased_until < $1)
                   ORDER BY updated_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLS}`,
      [now, owner, leaseUntil],
    );
    return row;
  },

  /**
   * Commits a chunk's progress (inside the chunk's own transaction) while `owner` still holds the
   * job: the lease is extended, or given back when the job is done. Undefined when the lease was lost.
   */
  async recordProgress(q: Queryable, id: string, owner: string, p: JobProgress & { done: boolean; now: Date; leaseUntil: Date }): Promise<ImportJobRow | undefined> {
    const [row] = await q.query<ImportJobRow>(
      `UPDATE import_jobs SET processed_rows = $3, created_count = $4, exists_count = $5, failed_count = $6, errors = $7,
         state = CASE WHEN $8 THEN 'done' ELSE state END, finished_at = CASE WHEN $8 THEN $9::timestamptz END,
         leased_until = CASE WHEN $8 THEN NULL ELSE $10::timestamptz END, lease_owner = CASE WHEN $8 THEN NULL ELSE lease_owner END,
         updated_at = $9, attempts = 0, last_error = NULL
       WHERE id = $1 AND lease_owner = $2 AND state = 'running' RETURNING ${COLS}`,
      [id, owner, p.processedRows, p.created, p.exists, p.failed, JSON.stringify(p.errors), p.done, p.now, p.leaseUntil],
    );
    return row;
  },

  /** Ends `owner`'s turn on the job: another job (or process) may take it next. */
  async release(q: Queryable, id: string, owner: string, now: Date): Promise<void> {
    await q.query(`UPDATE import_jobs SET leased_until = NULL, lease_owner = NULL, updated_at = $3 WHERE id = $1 AND lease_owner = $2`, [id, owner, now]);
  },

  /**
   * A turn that failed: tried again from `retryAt`, or the job fails for good when `retryAt` is null.
   * Every use of a parameter is cast alike: PostgreSQL deduces a parameter's type from each place it
   * appears, and a bare $4 inside CASE (text) next to updated_at = $4 (timestamptz) made it refuse the
   * statement ("inconsistent types deduced for parameter $4"), so no failure was ever recorded.
   */
  async recordFailure(q: Queryable, id: string, owner: string, error: string, now: Date, retryAt: Date | null): Promise<void> {
    await q.query(
      `UPDATE import_jobs SET attempts = attempts + 1, last_error = $3, updated_at = $4::timestamptz, lease_owner = NULL,
         leased_until = $5::timestamptz, state = CASE WHEN $5::timestamptz IS NULL THEN 'failed' ELSE state END,
         finished_at = CASE WHEN $5::timestamptz IS NULL THEN $4::timestamptz END
       WHERE id = $1 AND lease_owner = $2`,
      [id, owner, error, now, retryAt],
    );
  },
};
