import type { Database, Queryable } from './database';

/** What a batched unit came to: its value, its own (user) error, or a request to run it alone. */
export type UnitOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown } | { ok: false; alone: true };

/**
 * A kind of unit that can be written many at a time (one multi-row statement instead of one per unit).
 * `many` returns one outcome per input, in order. It may fail single units without touching the
 * database (their checks failed), or ask for a unit to run alone after the batch (it collided with
 * another unit of the batch); any thrown error rolls the whole batch back and reruns each unit alone.
 */
export interface BatchWriter<I, R> {
  name: string;
  many(q: Queryable, inputs: I[]): Promise<UnitOutcome<R>[]>;
}

interface Item {
  /** a plain unit */
  fn?: (q: Queryable) => Promise<unknown>;
  /** a unit of a batch writer */
  writer?: BatchWriter<unknown, unknown>;
  input?: unknown;
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
 * One BEGIN/COMMIT (and one synchronous commit flush) then serves many units; units of a
 * `BatchWriter` are handed to it together, so it can write them with multi-row statements. If the
 * transaction fails, it is rolled back and every unit runs again alone, so each succeeds or fails
 * on its own exactly as with `db.tenant`. Units must keep all their effects in the transaction.
 */
export class TransactionCoalescer {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly db: Database,
    private readonly opts: { maxBatch: number; maxConcurrent: number },
  ) {}

  run<T>(tenantId: string, fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.enqueue<T>(tenantId, { fn });
  }

  /** One unit of a batch writer; concurrent units of the same writer and tenant are written together. */
  write<I, R>(tenantId: string, writer: BatchWriter<I, R>, input: I): Promise<R> {
    return this.enqueue<R>(tenantId, { writer: writer as BatchWriter<unknown, unknown>, input });
  }

  private enqueue<T>(tenantId: string, unit: Pick<Item, 'fn' | 'writer' | 'input'>): Promise<T> {
    let lane = this.lanes.get(tenantId);
    if (!lane) this.lanes.set(tenantId, (lane = { queue: [], running: 0 }));
    const done = new Promise<T>((resolve, reject) => lane!.queue.push({ ...unit, resolve: resolve as (v: unknown) => void, reject }));
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
    let settled: { item: Item; outcome: UnitOutcome<unknown> }[];
    try {
      settled = await this.db.tenant(tenantId, (q) => runUnits(q, batch));
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      // every unit again, each in its own transaction
      await Promise.all(batch.map((item) => this.alone(tenantId, item)));
      return;
    }
    const again: Item[] = [];
    for (const { item, outcome } of settled) {
      if (outcome.ok) item.resolve(outcome.value);
      else if ('alone' in outcome) again.push(item);
      else item.reject(outcome.error);
    }
    await Promise.all(again.map((item) => this.alone(tenantId, item)));
  }

  private async alone(tenantId: string, item: Item): Promise<void> {
    try {
      const [{ outcome }] = await this.db.tenant(tenantId, (q) => runUnits(q, [item]));
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject('alone' in outcome ? new Error(`${item.writer?.name} could not complete a unit on its own`) : outcome.error);
    } catch (err) {
      item.reject(err);
    }
  }
}

/** Plain units one after another; each batch writer's units together, at its first unit's place. */
async function runUnits(q: Queryable, batch: Item[]): Promise<{ item: Item; outcome: UnitOutcome<unknown> }[]> {
  const out = new Map<Item, UnitOutcome<unknown>>();
  const groups = new Map<BatchWriter<unknown, unknown>, Item[]>();
  for (const item of batch) {
    if (!item.writer) continue;
    const group = groups.get(item.writer);
    if (group) group.push(item);
    else groups.set(item.writer, [item]);
  }
  for (const item of batch) {
    if (out.has(item)) continue;
    if (item.fn) {
      out.set(item, { ok: true, value: await item.fn(q) });
      continue;
    }
    const group = groups.get(item.writer!)!;
    const outcomes = await item.writer!.many(q, group.map((g) => g.input));
    group.forEach((g, i) => out.set(g, outcomes[i]));
  }
  return batch.map((item) => ({ item, outcome: out.get(item)! }));
}
