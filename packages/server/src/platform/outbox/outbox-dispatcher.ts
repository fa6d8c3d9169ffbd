import type { Clock } from '../clock';
import type { Database } from '../db/database';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { HeldBackChange } from './held-back-episode';
import { HeldBackWatch, type HeldBackLog, type HeldBackOptions } from './held-back-watch';
import { outboxRepository, type OutboxCursor, type OutboxMessage } from './outbox-repository';

export type OutboxHandler = (message: OutboxMessage) => Promise<void>;
/** Takes a round's messages of a consumer at once (one query for many); the messages are in commit order. */
export type OutboxBatchHandler = (messages: OutboxMessage[]) => Promise<void>;

interface Subscription {
  consumer: string;
  topics: (topic: string) => boolean;
  handler: OutboxHandler;
  batch?: OutboxBatchHandler;
}

export interface DispatcherOptions {
  /** messages per consumer per round */
  batchSize?: number;
  /** how long a process may hold a consumer's cursor before another may take it over */
  leaseMs?: number;
  retentionMs?: number;
  maxBackoffMs?: number;
  /** consumers' rounds running at once in this process when started (each holds a connection while it works) */
  concurrency?: number;
  /** warn and info are used by the held-back check (as error when missing) */
  log?: HeldBackLog;
  /** the check for messages held back by a transaction left open on the cluster: off unless checkMs > 0 */
  heldBack?: Partial<HeldBackOptions>;
}

/** Exponential backoff for a failed delivery: 1 s, 2 s, 4 s … capped. */
export function backoffMs(attempts: number, maxMs: number): number {
  return Math.min(maxMs, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers committed events to in-process consumers (notifications, webhooks, live updates, SLA…).
 * Each consumer reads the outbox log from its own cursor, in commit order, under a lease so that one
 * process at a time advances it; delivering writes nothing per message. At least once: a crash
 * before the cursor moves repeats the batch, so consumers must be idempotent. A message a consumer
 * fails on is retried for that consumer alone with backoff, while the cursor moves on.
 */
export class OutboxDispatcher {
  private readonly subs: Subscription[] = [];
  private readonly owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** each consumer's round in progress in this process: rounds of one consumer never overlap here */
  private readonly inFlight = new Map<string, Promise<number>>();
  private stopped = true;
  private pollMs = 500;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly heldBack: HeldBackWatch;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly opts: DispatcherOptions = {},
  ) {
    this.heldBack = new HeldBackWatch(db, clock, { checkMs: opts.heldBack?.checkMs ?? 0, warnAfterMs: opts.heldBack?.warnAfterMs ?? 60_000 }, opts.log);
  }

  /** Looks once whether an open transaction holds delivery back (logged once per episode); started with `start`. */
  checkHeldBack(): Promise<HeldBackChange | null> {
    return this.heldBack.check();
  }

  /** For the gauge: how long the oldest committed message has waited for an older open transaction (0: none). */
  heldBackSeconds(): number {
    return this.heldBack.heldBackSeconds();
  }

  /**
   * `topics`: exact topics, or prefixes ending in '*' (e.g. 'ticket.*'). One subscription per consumer name.
   * With `batch`, a round's new messages go to it together; if it throws, each of them goes to `handler`
   * alone (so only the failing ones are retried), which is why both must be idempotent.
   */
  subscribe(consumer: string, topics: string[], handler: OutboxHandler, batch?: OutboxBatchHandler): void {
    if (this.subs.some((s) => s.consumer === consumer)) throw new Error(`outbox consumer ${consumer} is already subscribed`);
    const match = (topic: string) => topics.some((t) => (t.endsWith('*') ? topic.startsWith(t.slice(0, -1)) : t === topic));
    const sub = { consumer, topics: match, handler, batch };
    this.subs.push(sub);
    if (!this.stopped) this.loop(sub);
  }

  /**
   * One round: each consumer's due retries and next batch; returns how many messages were handled.
   * Consumers whose cursors stand at the same place (the usual case) share one read of the log.
   */
  async runOnce(): Promise<number> {
    let n = 0;
    const reads = new Map<string, Promise<(OutboxMessage & { cursor: OutboxCursor })[]>>();
    for (const sub of this.subs) n += await this.consume(sub, reads);
    return n;
  }

  /** A round of this consumer after the one in progress in this process, if any (the lease is per process). */
  private consume(sub: Subscription, reads: Map<string, Promise<(OutboxMessage & { cursor: OutboxCursor })[]>>): Promise<number> {
    const prev = this.inFlight.get(sub.consumer);
    const next = (prev ? prev.catch(() => 0) : Promise.resolve(0)).then(() => this.runConsumer(sub, reads));
    this.inFlight.set(sub.consumer, next);
    const forget = () => {
      if (this.inFlight.get(sub.consumer) === next) this.inFlight.delete(sub.consumer);
    };
    next.then(forget, forget);
    return next;
  }

  private async runConsumer(sub: Subscription, reads: Map<string, Promise<(OutboxMessage & { cursor: OutboxCursor })[]>>): Promise<number> {
    const leaseMs = this.opts.leaseMs ?? 30_000;
    const limit = this.opts.batchSize ?? 500;
    const cursor = await this.db.system((q) => outboxRepository.leaseCursor(q, sub.consumer, this.owner, this.clock.now(), leaseMs));
    if (!cursor) return 0; // another process is at it
    let to: OutboxCursor | null = null;
    try {
      const retries = await this.db.system((q) => outboxRepository.dueRetries(q, sub.consumer, this.clock.now(), limit));
      for (const m of retries) if (await this.deliver(sub, m)) await this.db.system((q) => outboxRepository.retried(q, sub.consumer, m.id));
      const at = `${cursor.tx}:${cursor.id}`;
      let read = reads.get(at);
      if (!read) reads.set(at, (read = this.db.system((q) => outboxRepository.after(q, cursor, limit))));
      const batch = await read;
      const mine = batch.filter((m) => sub.topics(m.topic));
      if (!(mine.length && sub.batch && (await this.deliverAll(sub, sub.batch, mine)))) for (const m of mine) await this.deliver(sub, m);
      if (batch.length) to = batch[batch.length - 1].cursor;
      return retries.length + batch.length;
    } finally {
      await this.db.system((q) => outboxRepository.releaseCursor(q, sub.consumer, this.owner, to));
    }
  }

  /** Runs the handler; a failure schedules a retry for this consumer. True when it succeeded. */
  private async deliver(sub: Subscription, m: OutboxMessage): Promise<boolean> {
    try {
      await sub.handler(m);
      return true;
    } catch (err) {
      this.opts.log?.error({ err, consumer: sub.consumer, outboxId: m.id }, 'outbox consumer failed');
      const attempts = m.attempts + 1;
      const at = new Date(this.clock.now().getTime() + backoffMs(attempts, this.opts.maxBackoffMs ?? 300_000));
      await this.db.system((q) => outboxRepository.scheduleRetry(q, sub.consumer, m.id, attempts, at, String((err as Error)?.message ?? err)));
      return false;
    }
  }

  /** Runs the batch handler; false when it failed (the caller then delivers each message alone). */
  private async deliverAll(sub: Subscription, handler: OutboxBatchHandler, messages: OutboxMessage[]): Promise<boolean> {
    try {
      await handler(messages);
      return true;
    } catch (err) {
      this.opts.log?.error({ err, consumer: sub.consumer, messages: messages.length }, 'outbox consumer failed on a batch; delivering its messages one by one');
      return false;
    }
  }

  /** Drains until nothing is due (tests and shutdown). */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  /**
   * Each consumer in its own loop: a round as soon as the last one handled something, else after
   * `pollMs`. One slow consumer (automation on a burst of SLA warnings) does not hold the others back
   * (SLA clocks, live updates).
   */
  start(pollMs: number): void {
    this.stopped = false;
    this.pollMs = pollMs;
    for (const sub of this.subs) this.loop(sub);
    this.heldBack.start();
  }

  private loop(sub: Subscription): void {
    const tick = async () => {
      if (this.stopped) return;
      let n = 0;
      try {
        await this.slot();
        try {
          if (this.stopped) return;
          n = await this.consume(sub, new Map());
        } finally {
          this.release();
        }
        if (sub === this.subs[0] && Math.random() < 0.01) {
          const before = new Date(this.clock.now().getTime() - (this.opts.retentionMs ?? 7 * 86_400_000));
          await this.db.system((q) => outboxRepository.purge(q, before, 1000));
        }
      } catch (err) {
        this.opts.log?.error({ err, consumer: sub.consumer }, 'outbox dispatch failed');
      }
      if (!this.stopped) this.timers.set(sub.consumer, setTimeout(tick, n > 0 ? 0 : this.pollMs));
    };
    this.timers.set(sub.consumer, setTimeout(tick, this.pollMs));
  }

  /** Waits for one of `concurrency` slots (default 3: the pool's other connections stay free for requests). */
  private async slot(): Promise<void> {
    if (this.active < (this.opts.concurrency ?? 3)) {
      this.active++;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next(); // the slot passes on
    else this.active--;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.inFlight.values()].map((r) => r.catch(() => undefined)));
    await this.heldBack.stop();
  }
}
