import type { Queryable } from '../../../platform/db/database';
import { uuidv7 } from '../../../platform/ids';
import { ticketHeadlines } from '../../tickets';
import { incidentRepository, type IncidentRow } from './incident-repository';
import { rulesForModel } from './rule-cache';
import { seriesKey, telemetryRepository, type TelemetryRuleRow } from './telemetry-repository';
import { evaluateRule, firingsByProblem, windowOf, type Firing } from './telemetry-rules';

/** Readings rows read back per (asset, metric) for a rule's window, at most. */
const MAX_ROWS = 500;
/** A points-based rule (N of M) looks back this far at most. */
const POINTS_LOOKBACK_MS = 30 * 24 * 3_600_000;

/** One stored message to evaluate: its asset, the metrics it brought, its time of receipt. */
export interface EvaluationUnit {
  asset: { id: string; model: string | null };
  metrics: string[];
  now: Date;
}

export interface Evaluated {
  /** incidents this message opened (their work orders are to be created; one a failure leaves without is the sweep's) */
  opened: (IncidentRow & { rule: TelemetryRuleRow })[];
}

/**
 * Evaluates each asset's model's rules on the metrics its message brought, in the caller's transaction
 * (after the readings are inserted), for many messages of distinct assets at once: one read of the
 * windows, one of the open incidents, one claim. Each problem that fires gets one open incident
 * (claimed on the unique index, so two processes never both open one); an open incident whose work
 * order was resolved or closed is closed first, so the problem coming back opens a new one.
 * Returns one result per unit, in order. Units must name distinct assets.
 */
export async function evaluateTelemetry(q: Queryable, tenantId: string, units: EvaluationUnit[]): Promise<Evaluated[]> {
  const rulesOf: TelemetryRuleRow[][] = [];
  const pairs: { assetId: string; metric: string; since: Date }[] = [];
  for (const u of units) {
    const wanted = new Set(u.metrics);
    const rules = (await rulesForModel(q, tenantId, u.asset.model)).filter((r) => wanted.has(r.metric));
    rulesOf.push(rules);
    const back = new Map<string, number>();
    for (const r of rules) {
      const w = windowOf(r.params);
      back.set(r.metric, Math.max(back.get(r.metric) ?? 0, w.ms || (w.points > 1 ? POINTS_LOOKBACK_MS : 0)));
    }
    for (const [metric, ms] of back) pairs.push({ assetId: u.asset.id, metric, since: new Date(u.now.getTime() - (ms || POINTS_LOOKBACK_MS)) });
  }
  if (!pairs.length) return units.map(() => ({ opened: [] }));
  const windows = await telemetryRepository.recent(q, pairs, MAX_ROWS);
  const firingsOf = units.map((u, i) =>
    firingsByProblem(
      rulesOf[i].flatMap((r) => {
        const f = evaluateRule({ id: r.id, metric: r.metric, problem: r.problem, params: r.params }, windows.get(seriesKey(u.asset.id, r.metric)) ?? [], u.now);
        return f ? [f] : [];
      }),
    ),
  );
  const firing = units.flatMap((u, i) => firingsOf[i].map((f) => ({ unit: i, assetId: u.asset.id, firing: f })));
  if (!firing.length) return units.map(() => ({ opened: [] }));

  const open = await incidentRepository.open(q, firing.map((f) => ({ assetId: f.assetId, problem: f.firing.problem })));
  const heads = await ticketHeadlines(q, open.flatMap((i) => (i.ticket_id ? [i.ticket_id] : [])));
  const done = open.filter((i) => i.ticket_id && ['resolved', 'closed', undefined].includes(heads.get(i.ticket_id)?.status));
  const unitOf = new Map(units.map((u, i) => [u.asset.id, i]));
  await incidentRepository.close(q, done.map((i) => ({ id: i.id, at: units[unitOf.get(i.asset_id)!].now })));
  const stillOpen = new Set(open.filter((i) => !done.includes(i)).map((i) => seriesKey(i.asset_id, i.problem)));
  const claims = firing
    .filter((f) => !stillOpen.has(seriesKey(f.assetId, f.firing.problem)))
    .map(({ unit, assetId, firing: f }) => {
      const at = units[unit].now;
      return { id: uuidv7(at.getTime()), assetId, problem: f.problem, ruleId: f.ruleId, firing: firingJson(f), at };
    });
  const claimed = await incidentRepository.claim(q, tenantId, claims);
  const out: Evaluated[] = units.map(() => ({ opened: [] }));
  for (const i of claimed) {
    const unit = unitOf.get(i.asset_id)!;
    out[unit].opened.push({ ...i, rule: rulesOf[unit].find((r) => r.id === i.rule_id)! });
  }
  return out;
}

/** What is kept of a firing on the incident (and shown on the work order). */
export function firingJson(f: Firing) {
  return {
    metric: f.metric,
    reason: f.reason,
    forecastAt: f.forecastAt?.toISOString() ?? null,
    readings: f.readings.map((r) => ({ at: r.at.toISOString(), value: r.value })),
  };
}
