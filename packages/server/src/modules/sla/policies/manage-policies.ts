import type { Deps } from '../../../platform/deps';
import { invalid, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { requestSlaRecompute } from '../recompute/request-sla-recompute';
import { SLA_READERS, SLA_WRITERS } from './access';
import { policyRepository } from './policy-repository';
import { toPolicyView, type SlaPolicyView } from './policy-view';

/** The tenant's SLA policies in order (admins and supervisors). */
export async function listPolicies(deps: Deps, actor: Actor): Promise<{ items: SlaPolicyView[] }> {
  requireRole(actor, SLA_READERS);
  const rows = await deps.db.tenant(actor.tenantId, (q) => policyRepository.list(q));
  return { items: rows.map(toPolicyView) };
}

/** Deletes a policy (admins); the open tickets' clocks are recomputed without it in the background. */
export async function deletePolicy(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, SLA_WRITERS);
  await deps.db.tenant(actor.tenantId, async (q) => {
    await requestSlaRecompute(q, actor.tenantId, deps.clock.now()); // before the policy row (see savePolicy); rolled back if there is none
    if (!(await policyRepository.remove(q, id))) throw notFound('SLA policy');
  });
}

/** Puts the policies in the given order (admins): every policy of the tenant, each once. */
export async function reorderPolicies(deps: Deps, actor: Actor, ids: string[]): Promise<{ items: SlaPolicyView[] }> {
  requireRole(actor, SLA_WRITERS);
  const rows = await deps.db.tenant(actor.tenantId, async (q) => {
    await requestSlaRecompute(q, actor.tenantId, deps.clock.now()); // before the policy rows (see savePolicy)
    const have = await policyRepository.ids(q);
    const given = new Set(ids);
    if (given.size !== ids.length) throw invalid('ids', 'A policy is listed twice: list each policy once', 'duplicate');
    const missing = have.filter((id) => !given.has(id));
    const unknown = ids.filter((id) => !have.includes(id));
    if (unknown.length) throw invalid('ids', `No SLA policy ${unknown[0]}: list only this tenant’s policies`, 'not_found', unknown[0]);
    if (missing.length) throw invalid('ids', `Policy ${missing[0]} is missing: list every policy in the new order`, 'required', missing[0]);
    await policyRepository.reorder(q, ids, deps.clock.now());
    return policyRepository.list(q);
  });
  return { items: rows.map(toPolicyView) };
}
