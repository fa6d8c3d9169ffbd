import type { Queryable } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { uuidv7 } from '../../../platform/ids';
import { assetsOfModel, getAsset, type AssetRef } from '../../assets';
import { tenantTimeZone } from '../../identity';
import { localDay } from '../contracts/contract-rules';
import { latestValues, seriesKey } from '../telemetry/telemetry-repository';
import { openVisitTicket } from './open-visit-ticket';
import { planRepository, type PlanRow, type VisitRow } from './plan-repository';
import { dueRunningHours, dueVisits } from './schedule-rules';

/** A visit claimed this long ago without its ticket was left by a failure: the sweep finishes it. */
const UNFINISHED_AFTER_MS = 60_000;

/** The visits due now of the tenant's active plans, claimed (only the ones this call inserted come back). */
async function claimDueVisits(q: Queryable, tenantId: string, now: Date, limit: number): Promise<VisitRow[]> {
  const plans = await planRepository.list(q, { active: true });
  if (!plans.length) return [];
  const today = localDay(now, await tenantTimeZone(q));
  const assetsOf = new Map<string, AssetRef[]>();
  for (const p of plans) {
    const assets = p.asset_id ? [await getAsset(q, p.asset_id)].filter((a): a is AssetRef => !!a) : await assetsOfModel(q, p.model!);
    assetsOf.set(p.id, assets);
  }
  const last = await planRepository.lastDues(q, plans.map((p) => p.id));
  const hourPairs = plans.flatMap((p) => (p.schedule.unit === 'hours' ? assetsOf.get(p.id)!.map((a) => ({ assetId: a.id, metric: (p.schedule as { metric: string }).metric })) : []));
  const counters = await latestValues(q, hourPairs);
  const wanted: { id: string; planId: string; assetId: string; due: string }[] = [];
  for (const p of plans)
    for (const a of assetsOf.get(p.id)!) {
      if (wanted.length >= limit) break;
      for (const due of dues(p, a.id, last.get(`${p.id}:${a.id}`) ?? null, today, counters)) wanted.push({ id: uuidv7(now.getTime()), planId: p.id, assetId: a.id, due });
    }
  return planRepository.claimVisits(q, tenantId, wanted.slice(0, limit), now);
}

function dues(p: PlanRow, assetId: string, lastDue: string | null, today: string, counters: Map<string, number>): string[] {
  const s = p.schedule;
  if (s.unit !== 'hours') return dueVisits(s, lastDue, today);
  const hours = counters.get(seriesKey(assetId, s.metric));
  if (hours === undefined) return [];
  const next = dueRunningHours(s, lastDue ? Number(lastDue.slice(2)) : null, hours);
  return next === null ? [] : [`h:${next}`];
}

export interface PlanSweepResult {
  visits: number;
  full: boolean;
}

/**
 * One round of preventive planning for a tenant: due visits claimed in one transaction (the unique
 * (plan, asset, due) key: exactly once across processes), then each visit's ticket created keyed by
 * the visit (a retry or a second process gets the same ticket), and visits a failure left without a
 * ticket finished.
 */
export async function sweepPlans(deps: Deps, tenantId: string, o: { limit: number }): Promise<PlanSweepResult> {
  const now = deps.clock.now();
  const visits = await deps.db.tenant(tenantId, async (q) => [
    ...(await claimDueVisits(q, tenantId, now, o.limit)),
    ...(await planRepository.unfinishedVisits(q, new Date(now.getTime() - UNFINISHED_AFTER_MS), o.limit)),
  ]);
  for (const v of visits) await openVisitTicket(deps, tenantId, v);
  return { visits: visits.length, full: visits.length >= o.limit };
}
