import type { Clock } from '../clock';
import type { Database } from '../db/database';
import { assessHeldBack, shortXid, type HeldBackChange, type HeldBackEpisode } from './held-back-episode';
import { outboxRepository, type TransactionHolder } from './outbox-repository';

export interface HeldBackOptions {
  /** how often to look (ms); 0: only when `check` is called */
  checkMs: number;
  /** a committed message waiting this long (ms) for an older open transaction is reported */
  warnAfterMs: number;
}

export interface HeldBackLog {
  error(obj: unknown, msg: string): void;
  warn?(obj: unknown, msg: string): void;
  info?(obj: unknown, msg: string): void;
}

const FIND = (xid: string) =>
  `SELECT pid, datname, usename, application_name, state, xact_start FROM pg_stat_activity WHERE backend_xid = '${xid}'` +
  ` (or, for a prepared transaction: SELECT gid, database, owner, prepared FROM pg_prepared_xacts WHERE transaction = '${xid}')`;

const holderText = (h: TransactionHolder | null): string =>
  !h
    ? 'its session was not found (it may just have ended)'
    : h.prepared
      ? `prepared transaction '${h.prepared}' in database ${h.database}; end it with COMMIT PREPARED or ROLLBACK PREPARED`
      : `pid ${h.pid}, database ${h.database}, user ${h.user}, application '${h.application ?? ''}'${h.state ? `, ${h.state}` : ''}; end it there (COMMIT / ROLLBACK) or with SELECT pg_terminate_backend(${h.pid})`;

/**
 * Watches for committed outbox messages no consumer may read because an older transaction is still open
 * somewhere on the cluster (another database, an operator's psql, a stuck session): without this, dispatch,
 * SLA warnings, notifications and webhooks all stop with nothing in the log. One warning per episode (and
 * per holding transaction), one line when it clears; `heldBackSeconds` feeds the gauge.
 */
export class HeldBackWatch {
  private episode: HeldBackEpisode | null = null;
  private seconds = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly opts: HeldBackOptions,
    private readonly log?: HeldBackLog,
  ) {}

  /** How long the oldest committed message has waited for an older transaction, at the last check (0: none). */
  heldBackSeconds(): number {
    return this.seconds;
  }

  /** One look; logs and returns the change, if any. */
  async check(): Promise<HeldBackChange | null> {
    const reading = await this.db.system((q) => outboxRepository.heldBack(q));
    const r = assessHeldBack(this.episode, reading, this.clock.now(), this.opts.warnAfterMs);
    this.episode = r.episode;
    this.seconds = r.heldMs / 1000;
    if (r.change?.kind === 'held') await this.warn(r.change);
    else if (r.change?.kind === 'cleared') {
      const xid = shortXid(r.change.xmin);
      this.say('info', { xid, heldBackSeconds: Math.round(r.change.heldMs / 1000) }, `outbox delivery resumed: transaction ${xid} no longer holds it back (held back for ${Math.round(r.change.heldMs / 1000)} s)`);
    }
    return r.change;
  }

  private async warn(c: Extract<HeldBackChange, { kind: 'held' }>): Promise<void> {
    const xid = shortXid(c.xmin);
    const holder = await this.db.system((q) => outboxRepository.holder(q, xid)).catch(() => null);
    const s = Math.round(c.heldMs / 1000);
    this.say(
      'warn',
      { xid, xid8: c.xmin, heldBackSeconds: s, waiting: c.waiting, holder, previousXid: c.previousXmin && shortXid(c.previousXmin) },
      `outbox delivery held back for ${s} s: transaction ${xid} is still open, and no consumer (dispatch, SLA, notifications, webhooks) ` +
        `receives events committed after it began (${c.waiting} waiting). Holder: ${holderText(holder)}. Find it with: ${FIND(xid)}`,
    );
  }

  /** A logger without warn or info gets the line as an error rather than not at all. */
  private say(level: 'warn' | 'info', obj: unknown, msg: string): void {
    const log = this.log;
    if (log) (log[level] ?? log.error).call(log, obj, msg);
  }

  start(): void {
    if (!(this.opts.checkMs > 0) || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.check()
        .catch((err) => this.log?.error({ err }, 'outbox held-back check failed'))
        .finally(() => (this.running = null));
    }, this.opts.checkMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
