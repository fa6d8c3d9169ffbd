import { BackgroundLoop } from '../../platform/background-loop';
import type { Deps } from '../../platform/deps';
import { AppError, type ErrorCode } from '../../platform/errors';
import { channelRepository } from './channel-repository';
import { deliverMessage } from './deliver-message';
import type { IntakeErrorCode } from './intake-error-codes';
import { inboundRepository } from './inbound-repository';
import type { IntakeRegistry } from './intake-registry';
import { PermanentIntakeError, type ChannelConfig, type InboundRow, type NormalizedMessage, type Outcome } from './intake-types';
import { receiveInbound, intakeSignal } from './receive-inbound';
import { lanesOf, retryDelayMs } from './routing-rules';
import { runLimited } from '../../platform/run-limited';
import { toStorableText } from '../../platform/text/storable-text';

export interface IntakeWorkerOptions {
  /** messages claimed per round */
  batchSize?: number;
  /** lanes processed at once */
  concurrency?: number;
  /** how long a claimed message is reserved for this process before another may take it */
  leaseMs?: number;
  /** attempts before a message that keeps failing is quarantined */
  maxAttempts?: number;
  log?: { error(obj: unknown, msg: string): void; warn(obj: unknown, msg: string): void };
}

/** PostgreSQL refusing text (a NUL: invalid byte sequence 22021; \u0000 in jsonb: 22P05): no retry can fix it. */
const isTextRefusal = (err: unknown) => ['22021', '22P05'].includes((err as { code?: string })?.code ?? '');

const errorOf = (err: unknown): { code: IntakeErrorCode | ErrorCode; message: string } =>
  err instanceof PermanentIntakeError || err instanceof AppError
    ? { code: err.code, message: toStorableText(err.message) }
    : isTextRefusal(err)
      ? { code: 'INVALID_TEXT', message: `The message holds text the database cannot store: ${(err as Error).message}` }
      : { code: 'PROCESSING_FAILED', message: toStorableText(err instanceof Error ? err.message : String(err)) };

/**
 * Processes stored inbound messages: claims due ones (any tenant, several processes side by side),
 * hands each to its channel's adapter and the pipeline, and records the outcome. A message that fails
 * is tried again with backoff; one that cannot succeed (malformed, refused by a rule) or keeps failing
 * goes to the quarantine, where an admin sees the error and can retry it. Nothing is dropped.
 */
export class IntakeWorker {
  /** Runs rounds until nothing is due; a wake-up during a round runs another. */
  private readonly loop = new BackgroundLoop(() => this.drain(), {
    onError: (err) => this.opts.log?.error({ err }, 'intake round failed'),
    wake: { emitter: intakeSignal, event: 'wake' },
  });

  constructor(
    private readonly deps: Deps,
    private readonly registry: IntakeRegistry,
    private readonly opts: IntakeWorkerOptions = {},
  ) {}

  start(pollMs: number): void {
    this.loop.start(pollMs);
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Rounds until a round finds nothing due (for tests and the CLI); returns how many messages were handled. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce();
      total += n;
      if (n === 0) return total;
    }
  }

  /** One round: claim due messages and process them. */
  async runOnce(): Promise<number> {
    const { batchSize = 200, leaseMs = 120_000 } = this.opts;
    const rows = await this.deps.db.system((q) => inboundRepository.claimDue(q, this.deps.clock.now(), batchSize, leaseMs));
    if (!rows.length) return 0;
    const groups = new Map<string, InboundRow[]>();
    for (const r of rows) {
      const k = `${r.tenantId}/${r.channel}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const work: (() => Promise<void>)[] = [];
    const channels = new Map<string, Promise<ChannelConfig | null>>();
    for (const group of groups.values()) {
      const adapter = this.registry.adapter(group[0].channel);
      if (adapter?.processBatch) work.push(() => this.processBatch(group));
      else for (const lane of lanesOf(group)) work.push(async () => {
        for (const row of lane) await this.processOne(row, channels);
      });
    }
    await runLimited(work, this.opts.concurrency ?? 16);
    return rows.length;
  }

  private async processBatch(rows: InboundRow[]): Promise<void> {
    const adapter = this.registry.adapter(rows[0].channel)!;
    let results: (Outcome | Error)[];
    try {
      results = await adapter.processBatch!(this.deps, rows[0].tenantId, rows);
    } catch (err) {
      results = rows.map(() => (err instanceof Error ? err : new Error(String(err))));
    }
    await Promise.all(rows.map((r, i) => (results[i] instanceof Error ? this.failed(r, results[i]) : Promise.resolve())));
    for (const [i, r] of rows.entries()) if (!(results[i] instanceof Error)) intakeSignal.emit('processed', r.id);
  }

  /** The row's channel configuration, read once per round for all rows of that channel. */
  private channelOf(row: InboundRow, memo: Map<string, Promise<ChannelConfig | null>>): Promise<ChannelConfig | null> {
    if (!row.channelId) return Promise.resolve(null);
    let c = memo.get(row.channelId);
    if (!c) {
      c = this.deps.db.tenant(row.tenantId, (q) => channelRepository.byId(q, row.channelId!)).then((r) => r ?? null);
      memo.set(row.channelId, c);
    }
    return c;
  }

  private async processOne(row: InboundRow, channels: Map<string, Promise<ChannelConfig | null>>): Promise<void> {
    try {
      const adapter = this.registry.adapter(row.channel);
      if (!adapter) throw new PermanentIntakeError('NO_ADAPTER', `No adapter for channel ${row.channel} is running in this process`);
      const channel = await this.channelOf(row, channels);
      const parsed = await adapter.parse(row, { deps: this.deps, channel });
      if (parsed.kind === 'ignore') {
        await this.deps.db.tenant(row.tenantId, (q) => inboundRepository.markDone(q, row.id, { state: 'ignored', outcome: parsed.reason, at: this.deps.clock.now() }));
      } else await deliverMessage(this.deps, row, channel, parsed.message);
      intakeSignal.emit('processed', row.id);
    } catch (err) {
      await this.failed(row, err);
    }
  }

  private async failed(row: InboundRow, err: unknown): Promise<void> {
    const error = errorOf(err);
    const permanent = err instanceof PermanentIntakeError || (err instanceof AppError && err.code !== 'INTERNAL') || isTextRefusal(err);
    const retryAt = permanent || row.attempts >= (this.opts.maxAttempts ?? 5) ? null : new Date(this.deps.clock.now().getTime() + retryDelayMs(row.attempts));
    if (!retryAt) this.opts.log?.warn({ inbound: row.id, channel: row.channel, error }, 'inbound message quarantined');
    await this.deps.db.tenant(row.tenantId, (q) => inboundRepository.markFailed(q, row.id, error, retryAt));
  }
}
