import { toStorableText } from '../../platform/text/storable-text';
import type { ItemError } from './import-rules';
import type { ImportSummary } from './import-tickets';
import type { ImportRow } from './read-import-file';

// Pure rules of import jobs: which rows the next chunk takes, how a chunk's outcome adds to the job's
// progress, and what a failed row is reported as.

/** Rows one chunk imports: what one request of POST /api/v1/imports/tickets takes. */
export const IMPORT_CHUNK_ROWS = 500;
/** Failed rows a job keeps with their errors (the counts go on); the first ones tell what to fix. */
export const MAX_JOB_ERRORS = 200;

export interface JobError extends ItemError {
  row: number;
  externalId: string | null;
}

export interface JobProgress {
  processedRows: number;
  created: number;
  exists: number;
  failed: number;
  errors: JobError[];
}

/** The rows of a chunk starting after those already processed. */
export function nextChunk<T>(rows: T[], processed: number, size = IMPORT_CHUNK_ROWS): T[] {
  return rows.slice(processed, processed + size);
}

/**
 * The failed rows of a chunk in file order: those that could not be read (no item) and those the
 * import refused. `summary.items` answers the chunk's readable rows in their order.
 */
export function chunkErrors(chunk: ImportRow[], summary: ImportSummary): JobError[] {
  const out: JobError[] = [];
  let k = 0;
  for (const r of chunk) {
    if (!r.item) {
      out.push(storable({ row: r.row, externalId: null, ...(r.error ?? { code: 'VALIDATION_FAILED', message: 'The row could not be read' }) }));
      continue;
    }
    const it = summary.items[k++];
    if (it?.result === 'failed' && it.error) out.push(storable({ row: r.row, externalId: it.externalId, ...it.error }));
  }
  return out;
}

/** A job keeps its failed rows as jsonb: text quoted from a row (a parse error's excerpt, a value) must be storable. */
const storable = (e: JobError): JobError =>
  Object.fromEntries(Object.entries(e).map(([k, v]) => [k, typeof v === 'string' ? toStorableText(v) : v])) as unknown as JobError;

/** The job's progress after a chunk of `rows` rows: counts added, the first MAX_JOB_ERRORS failed rows kept. */
export function addChunk(p: JobProgress, chunk: { rows: number; created: number; exists: number; errors: JobError[] }): JobProgress {
  return {
    processedRows: p.processedRows + chunk.rows,
    created: p.created + chunk.created,
    exists: p.exists + chunk.exists,
    failed: p.failed + chunk.errors.length,
    errors: [...p.errors, ...chunk.errors.slice(0, Math.max(0, MAX_JOB_ERRORS - p.errors.length))],
  };
}

/** The bytes of a file are not UTF-8 text. */
export class NotUtf8 extends Error {}

/**
 * A file's bytes as UTF-8 text as they stream in (a character may be split between chunks), with or
 * without a byte order mark; throws NotUtf8 at the first bytes that are not UTF-8.
 */
export async function* utf8Chunks(bytes: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      return decoder.decode(chunk, { stream: chunk !== undefined });
    } catch {
      throw new NotUtf8('The file is not UTF-8 text');
    }
  };
  for await (const chunk of bytes) yield decode(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  yield decode();
}
