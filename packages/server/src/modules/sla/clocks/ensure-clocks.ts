import type { Queryable } from '../../../platform/db/database';
import { policyRepository } from '../policies/policy-repository';
import { clockRepository } from './clock-repository';
import type { ContractPolicies } from './contract-policy-port';
import { loadTickets, recomputeClocks } from './recompute-clocks';

/**
 * Clocks for those of these tickets that have none yet, computed now in the caller's tenant transaction:
 * for a consumer that decides on a ticket the moment it is created and cannot wait for the SLA consumer
 * (dispatch's deadline term). The same rows the SLA consumer writes from the same history, so whichever
 * runs first, the clocks are the same. Tenants without an active policy pay one query.
 */
export async function ensureClocks(q: Queryable, tenantId: string, ticketIds: string[], now: Date, contractPolicies?: ContractPolicies): Promise<void> {
  if (!ticketIds.length) return;
  const policies = await policyRepository.list(q);
  if (!policies.some((p) => p.active)) return;
  const have = new Set((await clockRepository.byTickets(q, ticketIds)).map((r) => r.ticket_id));
  const missing = [...new Set(ticketIds)].filter((id) => !have.has(id));
  if (!missing.length) return;
  await recomputeClocks(q, tenantId, await loadTickets(q, missing, contractPolicies), now, policies);
}
