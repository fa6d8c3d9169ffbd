import type { Deps } from '../../platform/deps';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { CALENDAR_CHANGED } from '../calendars';
import { handleSlaMessages, SLA_CONSUMER, SLA_TOPICS } from './clocks/handle-sla-messages';
import { handleCalendarChanges } from './recompute/handle-calendar-changes';
import { startSlaRecompute } from './recompute/start-sla-recompute';

export interface SlaSweepHook {
  sweep(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Wires SLA into a running process: the outbox consumer 'sla' (clocks recomputed from each changed
 * ticket's history, 催单 recorded, a changed calendar's tenant given a bulk recomputation), the sweep
 * that fires warnings and breaches, and the bulk recomputation's loop (`recomputeMs`, 0 or absent: none;
 * `recompute()` runs one chunk). The sweep lives in sla/sweep: `startSweep` is its hook (sweepMs 0: none).
 */
export function startSla(o: {
  deps: Deps;
  outbox: OutboxDispatcher;
  sweepMs: number;
  log: { error(obj: unknown, msg: string): void };
  startSweep?: ((o: { deps: Deps; sweepMs: number; log: { error(obj: unknown, msg: string): void } }) => SlaSweepHook) | null;
  recomputeMs?: number;
  recomputeBatch?: number;
}) {
  const handle = async (ms: OutboxMessage[]) => {
    const calendars = ms.filter((m) => m.topic === CALENDAR_CHANGED);
    if (calendars.length) await handleCalendarChanges(o.deps, calendars);
    const tickets = calendars.length ? ms.filter((m) => m.topic !== CALENDAR_CHANGED) : ms;
    if (tickets.length) await handleSlaMessages(o.deps, tickets);
  };
  o.outbox.subscribe(SLA_CONSUMER, [...SLA_TOPICS, CALENDAR_CHANGED], (m) => handle([m]), handle);
  const sweep = o.startSweep ? o.startSweep({ deps: o.deps, sweepMs: o.sweepMs, log: o.log }) : null;
  const recompute = startSlaRecompute({ deps: o.deps, recomputeMs: o.recomputeMs ?? 0, chunk: o.recomputeBatch, log: o.log });
  return {
    sweep: () => sweep?.sweep() ?? Promise.resolve(),
    /** one chunk of the bulk recomputation now (tests) */
    recompute: () => recompute.step(),
    async close() {
      await recompute.close();
      await sweep?.close();
    },
  };
}
