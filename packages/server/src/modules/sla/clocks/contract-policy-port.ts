import type { Queryable } from '../../../platform/db/database';

// A ticket on an asset under a maintenance contract gets the contract's SLA policy. The contracts are
// the maintenance module's (which uses sla): app.ts wires its lookup in here instead of sla importing it.
declare module '../../../platform/deps' {
  interface Deps {
    /** maintenance: the contract's SLA policy id per ticket (tickets not on a covered asset are left out) */
    contractPolicies?: (q: Queryable, tickets: { id: string; assetId: string | null; createdAt: Date }[]) => Promise<Map<string, string>>;
  }
}

export type ContractPolicies = NonNullable<import('../../../platform/deps').Deps['contractPolicies']>;
