import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { addChunk, chunkErrors, IMPORT_CHUNK_ROWS, nextChunk } from './import-job-rules';
import { importJobRepository, type ImportJobRow } from './import-job-repository';
import { importTickets } from './import-tickets';
import type { ImportRow } from './read-import-file';

/** The job was taken over by another process (its lease ran out): this one stops working on it. */
export class LeaseLost extends Error {}

/** The uploading admin, as the imported tickets' events name them; their right was checked at upload. */
const actorOf = (job: ImportJobRow): Actor => ({ tenantId: job.tenant_id, ...job.actor, role: 'admin', scope: 'all', teamIds: [], contactId: null });

/**
 * Imports the next chunk of a job's rows through importTickets and commits the job's progress in the
 * same transaction, while this process still holds the job's lease — so progress and tickets never
 * disagree, and a chunk cut off by a crash is simply done again. Returns the job as it now stands.
 */
export async function importChunk(
  deps: Pick<Deps, 'db' | 'clock'>,
  job: ImportJobRow,
  rows: ImportRow[],
  o: { owner: string; leaseMs: number; chunkRows?: number },
): Promise<ImportJobRow> {
  const chunk = nextChunk(rows, job.processed_rows, o.chunkRows ?? IMPORT_CHUNK_ROWS);
  const readable = chunk.filter((r) => r.item);
  let updated: ImportJobRow | undefined;
  await importTickets(deps, actorOf(job), readable.map((r) => r.item), {
    within: async (q, summary) => {
      const progress = addChunk(
        { processedRows: job.processed_rows, created: job.created_count, exists: job.exists_count, failed: job.failed_count, errors: job.errors },
        { rows: chunk.length, created: summary.created, exists: summary.exists, errors: chunkErrors(chunk, summary) },
      );
      const now = deps.clock.now();
      updated = await importJobRepository.recordProgress(q, job.id, o.owner, {
        ...progress,
        done: progress.processedRows >= rows.length,
        now,
        leaseUntil: new Date(now.getTime() + o.leaseMs),
      });
      if (!updated) throw new LeaseLost(`import ${job.id} is no longer leased to ${o.owner}`);
    },
  });
  return updated!;
}
