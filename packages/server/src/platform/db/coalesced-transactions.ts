import type { Database, Queryable } from './database';

interface Item {
  fn: (q: Queryable) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

interface Lane {
  queue: Item[];
  running: number;
}

/**
 * Runs concurrent units of work of one tenant in shared transactions: while a transaction of the
 * tenant is in flight, new units queue, and the next transaction takes up to `maxBatch` of them.
 * One BEGIN/COMMIT (and one synchronous commit flush) then serves many units. If any unit of a
 * batch fails, the whole batch is rolled back and every unit runs again alone, so each succeeds or
 * fails on its own exactly as with `db.tenant`. Units must keep all their effects in the transaction.
 */
export class TransactionCoalescer {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly db: Database,
    private readonly opts: { maxBatch: number; maxConcurrent: number },
  ) {}

  run<T>(tenantId: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
    let lane = this.lanes.get(tenantId);
    if (!lane) this.lanes.set(tenantId, (lane = { queue: [], running: 0 }));
    const done = new Promise<T>((resolve, reject) => lane!.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject }));
    this.pump(tenantId, lane);
    return done;
  }

  private pump(tenantId: string, lane: Lane): void {
    while (lane.queue.length && lane.running < this.opts.maxConcurrent) {
      const batch = lane.queue.splice(0, this.opts.maxBatch);
      lane.running++;
      void this.runBatch(tenantId, batch).finally(() => {
        lane.running--;
        if (!lane.queue.length && !lane.running) this.lanes.delete(tenantId);
        else this.pump(tenantId, lane);
      });
    }
  }

  private async runBatch(tenantId: string, batch: Item[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await this.db.tenant(tenantId, async (q) => {
          const out: unknown[] = [];
          for (const item of batch) out.push(await item.fn(q));
          return out;
        });
        batch.forEach((item, i) => item.resolve(results[i]));
        return;
      } catch {
        // fall through: every unit again, each in its own transaction
      }
    }
    await Promise.all(
      batch.map((item) =>
        this.db.tenant(tenantId, item.fn).then(item.resolve, item.reject),
      ),
    );
  }
}
