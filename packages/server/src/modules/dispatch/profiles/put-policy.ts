import type { Deps } from '../../../platform/deps';
import { fieldsInvalid, type FieldIssue } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { categoryExists } from '../../catalog';
import { requireRole, teamExists, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { policyRepository } from './policy-repository';
import { toPolicyView, type PolicyInput, type PolicyView } from './policy-schemas';

/** Sets how tickets of the tenant, a team or a category are dispatched (admins and supervisors). */
export async function putPolicy(deps: Deps, actor: Actor, input: PolicyInput): Promise<PolicyView> {
  requireRole(actor, DISPATCH_MANAGERS);
  const now = deps.clock.now();
  const row = await deps.db.tenant(actor.tenantId, async (q) => {
    const issues: FieldIssue[] = [];
    if (input.scope === 'tenant' && input.scopeId) issues.push({ field: 'scopeId', code: 'not_allowed', message: "The tenant's policy has no scopeId; leave it out" });
    if (input.scope !== 'tenant' && !input.scopeId) issues.push({ field: 'scopeId', code: 'required', message: `Name the ${input.scope} this policy is for` });
    if (input.scope === 'team' && input.scopeId && !(await teamExists(q, input.scopeId))) issues.push({ field: 'scopeId', code: 'not_found', message: 'That team does not exist' });
    if (input.scope === 'category' && input.scopeId && !(await categoryExists(q, input.scopeId))) issues.push({ field: 'scopeId', code: 'not_found', message: 'That category does not exist' });
    if (input.overflowTeamId && !(await teamExists(q, input.overflowTeamId))) issues.push({ field: 'overflowTeamId', code: 'not_found', message: 'The overflow team does not exist' });
    if (input.overflowTeamId && input.scope === 'team' && input.overflowTeamId === input.scopeId)
      issues.push({ field: 'overflowTeamId', code: 'invalid', message: 'A team cannot overflow to itself; pick a backup team' });
    if (input.overflowTeamId && input.overflowThreshold === null) issues.push({ field: 'overflowThreshold', code: 'required', message: 'Say how many waiting tickets start the overflow' });
    if (issues.length) throw fieldsInvalid(issues);
    return policyRepository.put(q, actor.tenantId, uuidv7(now.getTime()), {
      scope: input.scope,
      scope_id: input.scope === 'tenant' ? null : input.scopeId,
      mode: input.mode,
      target: input.target,
      weights: Object.fromEntries(Object.entries(input.weights).filter((e): e is [string, number] => e[1] !== undefined)),
      batch_window_s: input.batchWindowS,
      accept_timeout_s: input.acceptTimeoutS,
      overflow_team_id: input.overflowTeamId,
      overflow_threshold: input.overflowThreshold,
      speed_kmh: input.speedKmh,
      position_stale_min: input.positionStaleMin,
      default_capacity: input.defaultCapacity,
      auto_improve: input.autoImprove,
    }, now);
  });
  return toPolicyView(row);
}
