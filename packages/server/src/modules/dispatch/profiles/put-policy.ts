import type { Deps } from '../../../platform/deps';
import { fieldsInvalid, type FieldIssue } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { categoryExists } from '../../catalog';
import { requireRole, teamExists, type Actor } from '../../identity';
import { DEFAULT_WEIGHTS } from '../engine/score';
import { DISPATCH_MANAGERS } from './access';
import { policyRepository, type PolicyFields, type PolicyRow } from './policy-repository';
import { POLICY_DEFAULTS, toPolicyView, type PolicyInput, type PolicyView } from './policy-schemas';
import { mergeCapacity } from './profile-rules';

/** Modes that decide by the score: with every weight 0 they would decide by nothing. */
const SCORING_MODES = new Set(['scored', 'batch']);

/**
 * Sets how tickets of the tenant, a team or a category are dispatched (admins and supervisors). The body
 * merges with the stored policy, so a field not sent is never lost: weights and default capacity per key,
 * null clears.
 */
export async function putPolicy(deps: Deps, actor: Actor, input: PolicyInput): Promise<PolicyView> {
  requireRole(actor, DISPATCH_MANAGERS);
  const now = deps.clock.now();
  const row = await deps.db.tenant(actor.tenantId, async (q) => {
    const issues: FieldIssue[] = [];
    if (input.scope === 'tenant' && input.scopeId) issues.push({ field: 'scopeId', code: 'not_allowed', message: "The tenant's policy has no scopeId; leave it out" });
    if (input.scope !== 'tenant' && !input.scopeId) issues.push({ field: 'scopeId', code: 'required', message: `Name the ${input.scope} this policy is for` });
    if (issues.length) throw fieldsInvalid(issues);
    const scopeId = input.scope === 'tenant' ? null : input.scopeId;
    const stored = await policyRepository.byScopeForUpdate(q, input.scope, scopeId);
    const p = mergePolicy(stored, input);
    if (!p.mode) issues.push({ field: 'mode', code: 'required', message: `This ${input.scope} has no policy yet: give its mode` });
    if (input.scope === 'team' && scopeId && !(await teamExists(q, scopeId))) issues.push({ field: 'scopeId', code: 'not_found', message: 'That team does not exist' });
    if (input.scope === 'category' && scopeId && !(await categoryExists(q, scopeId))) issues.push({ field: 'scopeId', code: 'not_found', message: 'That category does not exist' });
    if (input.overflowTeamId && !(await teamExists(q, input.overflowTeamId))) issues.push({ field: 'overflowTeamId', code: 'not_found', message: 'The overflow team does not exist' });
    if (p.overflow_team_id && input.scope === 'team' && p.overflow_team_id === scopeId)
      issues.push({ field: 'overflowTeamId', code: 'invalid', message: 'A team cannot overflow to itself; pick a backup team' });
    if (p.overflow_team_id && p.overflow_threshold === null) issues.push({ field: 'overflowThreshold', code: 'required', message: 'Say how many waiting tickets start the overflow' });
    if (p.mode && SCORING_MODES.has(p.mode) && Object.values({ ...DEFAULT_WEIGHTS, ...p.weights }).every((w) => w === 0))
      issues.push({ field: 'weights', code: 'invalid', message: `A ${p.mode} policy needs at least one weight above 0: with all of them 0 every candidate scores the same` });
    if (issues.length) throw fieldsInvalid(issues);
    return policyRepository.put(q, actor.tenantId, uuidv7(now.getTime()), p as PolicyFields, now);
  });
  return toPolicyView(row);
}

/** The stored policy (or the defaults) with the body over it; `mode` is missing only for a new one without it. */
export function mergePolicy(stored: PolicyRow | undefined, input: PolicyInput): Omit<PolicyFields, 'mode'> & { mode: PolicyFields['mode'] | undefined } {
  const pick = <T>(given: T | undefined, kept: T): T => (given === undefined ? kept : given);
  const weights: Record<string, number> = { ...stored?.weights };
  for (const [k, v] of Object.entries(input.weights ?? {})) {
    if (v === null) delete weights[k];
    else if (v !== undefined) weights[k] = v;
  }
  const capacity = { ...(stored?.default_capacity ?? POLICY_DEFAULTS.defaultCapacity) };
  for (const [k, v] of Object.entries(input.defaultCapacity ?? {})) if (v !== undefined) capacity[k as keyof typeof capacity] = v;
  return {
    scope: input.scope,
    scope_id: input.scope === 'tenant' ? null : input.scopeId,
    mode: input.mode ?? stored?.mode,
    target: pick(input.target, stored?.target ?? POLICY_DEFAULTS.target),
    weights,
    batch_window_s: pick(input.batchWindowS, stored?.batch_window_s ?? POLICY_DEFAULTS.batchWindowS),
    accept_timeout_s: pick(input.acceptTimeoutS, stored ? stored.accept_timeout_s : POLICY_DEFAULTS.acceptTimeoutS),
    overflow_team_id: pick(input.overflowTeamId, stored ? stored.overflow_team_id : POLICY_DEFAULTS.overflowTeamId),
    overflow_threshold: pick(input.overflowThreshold, stored ? stored.overflow_threshold : POLICY_DEFAULTS.overflowThreshold),
    speed_kmh: pick(input.speedKmh, stored?.speed_kmh ?? POLICY_DEFAULTS.speedKmh),
    position_stale_min: pick(input.positionStaleMin, stored?.position_stale_min ?? POLICY_DEFAULTS.positionStaleMin),
    default_capacity: capacity,
    default_daily_limit: mergeCapacity(stored?.default_daily_limit ?? {}, input.defaultDailyLimit ?? {}),
    auto_improve: pick(input.autoImprove, stored?.auto_improve ?? POLICY_DEFAULTS.autoImprove),
  };
}
