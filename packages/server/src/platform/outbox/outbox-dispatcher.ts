import type { Clock } from '../clock';
import type { Database } from '../db/database';
import { outboxRepository, type OutboxMessage } from './outbox-repository';

export type OutboxHandler = (message: OutboxMessage) => Promise<void>;

interface Subscription {
  consumer: string;
  topics: (topic: string) => boolean;
  handler: OutboxHandler;
}

export interface DispatcherOptions {
  batchSize?: number;
  leaseMs?: number;
  retentionMs?: number;
  maxBackoffMs?: number;
  log?: { error(obj: unknown, msg: string): void };
}

/** Exponential backoff for a failed delivery: 1 s, 2 s, 4 s … capped. */
export function backoffMs(attempts: number, maxMs: number): number {
  return Math.min(maxMs, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers committed events to in-process consumers (notifications, webhooks, live updates, SLA…).
 * At least once: a consumer is recorded as done per message, so a crash or a failing neighbour
 * repeats only what did not finish; consumers must be idempotent. Several processes may run it.
 */
export class OutboxDispatcher {
  private readonly subs: Subscription[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly opts: DispatcherOptions = {},
  ) {}

  /** `topics`: exact topics, or prefixes ending in '*' (e.g. 'ticket.*'). */
  subscribe(consumer: string, topics: string[], handler: OutboxHandler): void {
    const match = (topic: string) => topics.some((t) => (t.endsWith('*') ? topic.startsWith(t.slice(0, -1)) : t === topic));
    this.subs.push({ consumer, topics: match, handler });
  }

  /** Processes one batch; returns how many messages were leased. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const batch = await this.db.system((q) => outboxRepository.lease(q, now, this.opts.leaseMs ?? 30_000, this.opts.batchSize ?? 200));
    if (!batch.length) return 0;
    const done = await this.db.system((q) => outboxRepository.doneConsumers(q, batch.map((m) => m.id)));
    const processed: number[] = [];
    for (const message of batch) {
      let failed: unknown = null;
      for (const sub of this.subs) {
        if (!sub.topics(message.topic) || done.has(`${message.id}:${sub.consumer}`)) continue;
        try {
          await sub.handler(message);
          await this.db.system((q) => outboxRepository.markConsumerDone(q, message.id, sub.consumer));
        } catch (err) {
          failed = err;
          this.opts.log?.error({ err, consumer: sub.consumer, outboxId: message.id }, 'outbox consumer failed');
        }
      }
      if (failed) {
        const retryAt = new Date(this.clock.now().getTime() + backoffMs(message.attempts, this.opts.maxBackoffMs ?? 300_000));
        await this.db.system((q) => outboxRepository.reschedule(q, message.id, retryAt, String((failed as Error)?.message ?? failed)));
      } else processed.push(message.id);
    }
    await this.db.system((q) => outboxRepository.markProcessed(q, processed, this.clock.now()));
    return batch.length;
  }

  /** Drains until nothing is due (tests and shutdown). */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  start(pollMs: number): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      try {
        this.running = this.runOnce();
        const n = await this.running;
        if (Math.random() < 0.01) {
          const before = new Date(this.clock.now().getTime() - (this.opts.retentionMs ?? 7 * 86_400_000));
          await this.db.system((q) => outboxRepository.purge(q, before, 1000));
        }
        this.timer = setTimeout(tick, n > 0 ? 0 : pollMs);
      } catch (err) {
        this.opts.log?.error({ err }, 'outbox dispatch failed');
        this.timer = setTimeout(tick, pollMs);
      }
    };
    this.timer = setTimeout(tick, pollMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
