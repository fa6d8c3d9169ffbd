import { AppError } from '../../../platform/errors';
import { SLA_METRICS, SLA_PRIORITIES, type Targets } from '../rules/sla-types';

// What makes a policy's targets sensible, with messages saying what to fix.

const METRIC_NAMES: Record<string, string> = { first_response: '首次响应 first_response', next_response: '下次响应 next_response', resolution: '解决时限 resolution', on_site: '上门时限 on_site' };

export function targetsProblem(targets: Targets): { field: string; message: string } | null {
  const set = SLA_PRIORITIES.filter((p) => SLA_METRICS.some((m) => targets[p]?.[m]));
  if (!set.length) return { field: 'targets', message: 'Give at least one target: e.g. targets.normal.resolution = {"minutes": 480, "business": true}' };
  for (const p of set) {
    const t = targets[p]!;
    const res = t.resolution;
    for (const m of ['first_response', 'next_response', 'on_site'] as const) {
      const x = t[m];
      if (res && x && x.business === res.business && x.minutes > res.minutes)
        return { field: `targets.${p}.${m}`, message: `${METRIC_NAMES[m]} (${x.minutes} min) is longer than ${METRIC_NAMES.resolution} (${res.minutes} min) for priority ${p}: shorten it or lengthen the resolution target` };
    }
  }
  return null;
}

export function checkTargets(targets: Targets): void {
  const problem = targetsProblem(targets);
  if (problem) throw new AppError('SLA_POLICY_TARGETS_INVALID', problem.message, { field: problem.field });
}
