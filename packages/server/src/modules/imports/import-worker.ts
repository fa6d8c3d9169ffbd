import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { BackgroundLoop } from '../../platform/background-loop';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { toStorableText } from '../../platform/text/storable-text';
import { importChunk, LeaseLost } from './import-chunk';
import { importJobRepository, type ImportJobRow } from './import-job-repository';
import type { ImportRow } from './read-import-file';
import { readStoredImport } from './read-stored-import';

/** 'wake': a job was queued in this process; the worker looks at once instead of at its next poll. */
export const importSignal = new EventEmitter();

export interface ImportWorkerOptions {
  /** rows per chunk (one transaction) */
  chunkRows?: number;
  /** chunks of one job per turn before the next job (of any tenant) gets its turn */
  chunksPerTurn?: number;
  /** how long a job is reserved for this process after each chunk; another process takes it over after that */
  leaseMs?: number;
  /** turns that fail one after the other before the job is given up */
  maxAttempts?: number;
  log?: { error(obj: unknown, msg: string): void; warn(obj: unknown, msg: string): void };
}

const RETRY_MS = 30_000;

/**
 * Works through queued import jobs of all tenants in the background, a chunk at a time; several
 * processes may run one each (a job is leased to one process at a time, and taken over when its
 * process dies). Each chunk's progress commits with the chunk's tickets, so a restart resumes a job
 * where it stopped.
 */
export class ImportWorker {
  private readonly loop = new BackgroundLoop(() => this.drain(), {
    onError: (err) => this.opts.log?.error({ err }, 'import round failed'),
    wake: { emitter: importSignal, event: 'wake' },
  });
  /** set by stop(): a turn in progress ends after its current chunk */
  private stopping = false;
  /** each job's rows, read from its file once per process */
  private readonly files = new Map<string, ImportRow[]>();
  readonly owner = `${hostname()}:${process.pid}:${uuidv7().slice(-8)}`;

  constructor(
    private readonly deps: Deps,
    private readonly opts: ImportWorkerOptions = {},
  ) {}

  start(pollMs = 1000): void {
    this.stopping = false;
    this.loop.start(pollMs);
  }

  /** Stops after the chunk in progress; the job's lease is given back so another process need not wait. */
  stop(): Promise<void> {
    this.stopping = true;
    return this.loop.stop();
  }

  /** Turns until no job is waiting (for tests and the loop); returns the rows processed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      if (n === null) return total;
      total += n;
      if (this.stopping) return total;
    }
  }

  /** One turn: take the job whose turn it is and import up to chunksPerTurn chunks; null when none waits. */
  async runOnce(): Promise<number | null> {
    const { leaseMs = 60_000, chunksPerTurn = 20 } = this.opts;
    const leaseUntil = () => new Date(this.deps.clock.now().getTime() + leaseMs);
    let job = await this.deps.db.system((q) => importJobRepository.claimNext(q, this.deps.clock.now(), this.owner, leaseUntil()));
    if (!job) return null;
    const start = job.processed_rows;
    try {
      const rows = await this.rowsOf(job);
      for (let k = 0; k < chunksPerTurn && job.state === 'running'; k++) {
        if (this.stopping && k > 0) break;
        job = await importChunk(this.deps, job, rows, { owner: this.owner, leaseMs, chunkRows: this.opts.chunkRows });
      }
      if (job.state === 'running') await this.deps.db.system((q) => importJobRepository.release(q, job!.id, this.owner, this.deps.clock.now()));
      else this.finished(job);
      return job.processed_rows - start;
    } catch (err) {
      if (err instanceof LeaseLost) return 0;
      await this.failed(job, err);
      return 0;
    }
  }

  private async rowsOf(job: ImportJobRow): Promise<ImportRow[]> {
    let rows = this.files.get(job.id);
    if (!rows) {
      rows = await readStoredImport(this.deps, job.storage_key, job.file_name);
      // a process works on one job at a time: the last file read is the one worth keeping
      this.files.clear();
      this.files.set(job.id, rows);
    }
    return rows;
  }

  /** The file is not needed once every row is imported or failed (it holds the old system's personal data). */
  private finished(job: ImportJobRow): void {
    this.files.delete(job.id);
    void this.deps.files.remove(job.storage_key).catch(() => undefined);
  }

  /**
   * A turn that failed: tried again later, unless the file can no longer be read (it is gone or was
   * changed) or the turn kept failing — then the job fails with the reason, keeping its progress.
   */
  private async failed(job: ImportJobRow, err: unknown): Promise<void> {
    const gone = (err as { code?: string })?.code === 'ENOENT';
    const permanent = gone || err instanceof AppError || job.attempts + 1 >= (this.opts.maxAttempts ?? 5);
    const message = gone ? 'The uploaded file is no longer in the file store; upload it again (rows already imported answer exists)' : toStorableText(err instanceof Error ? err.message : String(err));
    this.opts.log?.[permanent ? 'error' : 'warn']({ err, importJob: job.id, tenant: job.tenant_id }, permanent ? 'import job failed' : 'import turn failed; it is tried again');
    const now = this.deps.clock.now();
    await this.deps.db.system((q) => importJobRepository.recordFailure(q, job.id, this.owner, message, now, permanent ? null : new Date(now.getTime() + RETRY_MS)));
    this.files.delete(job.id);
  }
}
