import type { Deps } from '../../../platform/deps';
import { getAsset } from '../../assets';
import { tenantIds } from '../../identity';
import { incidentRepository } from './incident-repository';
import { DEFAULT_RETENTION_DAYS } from './manage-telemetry-rules';
import { openWorkOrder } from './open-work-order';
import { telemetryRepository } from './telemetry-repository';

/** An incident claimed this long ago without its work order was left by a failure: the sweep finishes it. */
const UNFINISHED_AFTER_MS = 60_000;

export interface TelemetrySweepResult {
  deleted: number;
  finished: number;
  /** some tenant had more old rows than `limit`: more to delete now */
  full: boolean;
}

/**
 * One round of telemetry upkeep per tenant: rows older than the tenant's retention deleted (at most
 * `limit` per tenant: a bounded step, the rest next round), and work orders of incidents a failure left
 * without one created (keyed by the incident: idempotent across processes).
 */
export async function sweepTelemetry(deps: Deps, o: { limit: number }): Promise<TelemetrySweepResult> {
  const now = deps.clock.now();
  const result: TelemetrySweepResult = { deleted: 0, finished: 0, full: false };
  for (const tenantId of await deps.db.system((q) => tenantIds(q))) {
    const { deleted, unfinished } = await deps.db.tenant(tenantId, async (q) => {
      const days = (await telemetryRepository.retentionDays(q)) ?? DEFAULT_RETENTION_DAYS;
      const deleted = await telemetryRepository.deleteOlder(q, new Date(now.getTime() - days * 86_400_000), o.limit);
      const unfinished = (await incidentRepository.list(q, 'open', 1000)).filter((i) => !i.ticket_id && now.getTime() - i.opened_at.getTime() >= UNFINISHED_AFTER_MS);
      const rules = new Map((await telemetryRepository.listRules(q)).map((r) => [r.id, r]));
      const withAssets = [];
      for (const i of unfinished) withAssets.push({ i, asset: await getAsset(q, i.asset_id), priority: i.rule_id ? rules.get(i.rule_id)?.priority : undefined });
      return { deleted, unfinished: withAssets };
    });
    result.deleted += deleted;
    result.full ||= deleted === o.limit;
    for (const { i, asset, priority } of unfinished) {
      if (!asset) continue;
      await openWorkOrder(deps, tenantId, asset, i, priority);
      result.finished++;
    }
  }
  return result;
}
