import { allOf } from '../../api/contract';
import { PRIORITIES, type Priority } from '../../api/types';
import { CONDITION_KEYS, SLA_METRICS, type SlaConditions, type SlaMetric, type SlaPolicy, type SlaPolicyBody, type SlaTargets } from '../../sla/sla-types';

// The SLA policy form's values and the API body they make, both ways. Pure: tested without a screen.

export type Unit = 'minutes' | 'hours';
export interface TargetCell {
  amount: number | null;
  unit: Unit;
  business: boolean;
}
export type TargetGrid = Record<Priority, Record<SlaMetric, TargetCell>>;
/** 首次响应计时至: the first public reply, or 受理 (the ticket taken, e.g. 接单) as well */
export type FirstResponseOn = SlaPolicy['firstResponseOn'];
export const FIRST_RESPONSE_ON = allOf<FirstResponseOn>()(['reply', 'accept']);

export interface PolicyValues {
  name: string;
  description: string;
  active: boolean;
  conditions: SlaConditions;
  /** '' : the tenant's default calendar */
  calendarId: string;
  targets: TargetGrid;
  /** percent left at the warning (30 = warn at 30% left) */
  warnRemaining: number;
  firstResponseOn: FirstResponseOn;
}

/** Highest first, as people read a targets table. */
export const GRID_PRIORITIES: Priority[] = [...PRIORITIES].reverse();
export const DEFAULT_WARN_PERCENT = 30;

const emptyCell = (): TargetCell => ({ amount: null, unit: 'hours', business: true });

function cellOf(target: { minutes: number; business: boolean } | undefined): TargetCell {
  if (!target) return emptyCell();
  const hours = target.minutes >= 60 && target.minutes % 60 === 0;
  return { amount: hours ? target.minutes / 60 : target.minutes, unit: hours ? 'hours' : 'minutes', business: target.business };
}

export function policyValues(p: SlaPolicy | null): PolicyValues {
  const targets = Object.fromEntries(GRID_PRIORITIES.map((pr) => [pr, Object.fromEntries(SLA_METRICS.map((m) => [m, cellOf(p?.targets[pr]?.[m])]))])) as TargetGrid;
  return {
    name: p?.name ?? '',
    description: p?.description ?? '',
    active: p?.active ?? true,
    conditions: p?.conditions ?? {},
    calendarId: p?.calendarId ?? '',
    targets,
    warnRemaining: p ? Math.round(p.warnRemaining * 100) : DEFAULT_WARN_PERCENT,
    firstResponseOn: p?.firstResponseOn ?? 'reply',
  };
}

/** Minutes of a filled cell; null when it is empty (no clock for that metric). */
export function cellMinutes(c: TargetCell | undefined): number | null {
  if (!c || c.amount === null || c.amount === undefined || !(c.amount > 0)) return null;
  return Math.round(c.unit === 'hours' ? c.amount * 60 : c.amount);
}

/** Empty lists are left out (a condition not given matches every ticket); empty cells are no target. */
export function policyBody(v: PolicyValues): SlaPolicyBody {
  const conditions: SlaConditions = {};
  for (const k of CONDITION_KEYS) {
    const list = v.conditions?.[k];
    if (Array.isArray(list) && list.length) (conditions as Record<string, unknown>)[k] = list;
  }
  const targets: SlaTargets = {};
  for (const pr of GRID_PRIORITIES)
    for (const m of SLA_METRICS) {
      const c = v.targets?.[pr]?.[m];
      const minutes = cellMinutes(c);
      if (minutes !== null) targets[pr] = { ...targets[pr], [m]: { minutes, business: c!.business } };
    }
  return {
    name: v.name.trim(),
    description: (v.description ?? '').trim(),
    active: v.active ?? true,
    conditions,
    calendarId: v.calendarId || null,
    targets,
    warnRemaining: Math.round(v.warnRemaining ?? DEFAULT_WARN_PERCENT) / 100,
    firstResponseOn: v.firstResponseOn ?? 'reply',
  };
}

export const targetCount = (targets: SlaTargets) => Object.values(targets).reduce((n, byMetric) => n + Object.keys(byMetric ?? {}).length, 0);

/** The form's field paths, for the server's field errors (targets.urgent.first_response.minutes lands under its cell). */
export const POLICY_FIELDS = [
  'name',
  'description',
  'active',
  'calendarId',
  'warnRemaining',
  'firstResponseOn',
  ...CONDITION_KEYS.map((k) => `conditions.${k}`),
  ...GRID_PRIORITIES.flatMap((p) => SLA_METRICS.map((m) => `targets.${p}.${m}`)),
];
