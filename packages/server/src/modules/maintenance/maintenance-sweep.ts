import { EventEmitter } from 'node:events';
import { BackgroundLoop } from '../../platform/background-loop';
import type { Deps } from '../../platform/deps';
import { tenantIds } from '../identity';
import { notifyExpiringContracts } from './contracts/notify-expiring';
import { sweepPlans } from './plans/sweep-plans';
import { sweepTelemetry } from './telemetry/sweep-telemetry';

/** Visits claimed, notices sent and old telemetry rows deleted per tenant and round, at most. */
export const MAINTENANCE_SWEEP_BATCH = 200;

export interface MaintenanceSweepResult {
  visits: number;
  expiring: number;
  telemetryDeleted: number;
  full: boolean;
}

/**
 * One round of the maintenance sweep: per tenant, preventive visits due (tickets created ahead by
 * their lead time), contracts entering their notice period (admins notified), then telemetry upkeep
 * (retention, unfinished work orders). Every effect is claimed in the database, so rounds in several
 * processes at once do each thing once.
 */
export async function sweepMaintenance(deps: Deps, o: { limit: number }): Promise<MaintenanceSweepResult> {
  const r: MaintenanceSweepResult = { visits: 0, expiring: 0, telemetryDeleted: 0, full: false };
  for (const tenantId of await deps.db.system((q) => tenantIds(q))) {
    const plans = await sweepPlans(deps, tenantId, o);
    r.visits += plans.visits;
    r.full ||= plans.full;
    r.expiring += await deps.db.tenant(tenantId, (q) => notifyExpiringContracts(q, tenantId, deps.clock.now(), o.limit));
  }
  const t = await sweepTelemetry(deps, o);
  r.telemetryDeleted = t.deleted;
  r.full ||= t.full;
  return r;
}

/** The sweep in the background: a round every `sweepMs` (0: none), again at once after a full round. */
export function startMaintenance(o: { deps: Deps; sweepMs: number; log: { error(obj: unknown, msg: string): void }; limit?: number }) {
  const more = new EventEmitter();
  const limit = o.limit ?? MAINTENANCE_SWEEP_BATCH;
  const loop = new BackgroundLoop(
    async () => {
      const r = await sweepMaintenance(o.deps, { limit });
      if (r.full) more.emit('more');
    },
    { onError: (err) => o.log.error({ err }, 'the maintenance sweep failed'), wake: { emitter: more, event: 'more' } },
  );
  if (o.sweepMs > 0) loop.start(o.sweepMs);
  return { sweep: () => sweepMaintenance(o.deps, { limit }), close: () => loop.stop() };
}
