import type { Queryable } from '../../../platform/db/database';
import { tenantTimeZone } from '../../identity';
import { contractRepository } from './contract-repository';
import { localDay } from './contract-rules';

export interface ActiveContract {
  id: string;
  number: string;
  name: string;
  slaPolicyId: string | null;
  validTo: string;
}

/** The contract covering an asset at `at` (the tenant's calendar day), or null. Tenant from RLS. */
export async function activeContractFor(q: Queryable, assetId: string, at: Date): Promise<ActiveContract | null> {
  const day = localDay(at, await tenantTimeZone(q));
  const [c] = await contractRepository.activeFor(q, [{ key: 'a', assetId, day }]);
  return c ? { id: c.id, number: c.number, name: c.name, slaPolicyId: c.sla_policy_id, validTo: c.valid_to } : null;
}

/**
 * The SLA port (sla's `Deps.contractPolicies`): for tickets on assets, the SLA policy of the contract
 * that covered the asset on the day the ticket was created — so a ticket keeps its contract's policy
 * after the contract ends, and a ticket from before the contract is not changed by it.
 */
export async function contractPolicies(q: Queryable, tickets: { id: string; assetId: string | null; createdAt: Date }[]): Promise<Map<string, string>> {
  const onAssets = tickets.filter((t): t is { id: string; assetId: string; createdAt: Date } => !!t.assetId);
  if (!onAssets.length) return new Map();
  const tz = await tenantTimeZone(q);
  const rows = await contractRepository.activeFor(q, onAssets.map((t) => ({ key: t.id, assetId: t.assetId, day: localDay(t.createdAt, tz) })));
  return new Map(rows.flatMap((r) => (r.sla_policy_id ? [[r.key, r.sla_policy_id] as const] : [])));
}
