import type { MatchFacts, PolicyConditions, SlaPolicy, SlaPriority, Target, SlaMetric } from './sla-types';

// Which policy applies to a ticket: the first active one, in the tenant's order, whose conditions all
// match the ticket's current fields.

const CONDITION_FIELDS: [keyof PolicyConditions, Exclude<keyof MatchFacts, 'contractPolicyId'>][] = [
  ['priorities', 'priority'],
  ['categoryIds', 'categoryId'],
  ['typeIds', 'typeId'],
  ['tiers', 'tier'],
  ['organizationIds', 'organizationId'],
  ['channels', 'channel'],
  ['teamIds', 'teamId'],
];

export function policyMatches(conditions: PolicyConditions, facts: MatchFacts): boolean {
  for (const [list, field] of CONDITION_FIELDS) {
    const wanted = conditions[list];
    if (!wanted?.length) continue;
    const value = facts[field];
    if (value === null || !wanted.includes(value)) return false;
  }
  return true;
}

/**
 * The policy in force: the contract's policy when the ticket's asset is under a maintenance contract
 * that names an active one; else the first active one (by position) whose conditions match; null when
 * none does.
 */
export function matchPolicy<P extends SlaPolicy>(policies: P[], facts: MatchFacts): P | null {
  const contract = facts.contractPolicyId ? policies.find((p) => p.id === facts.contractPolicyId && p.active) : undefined;
  if (contract) return contract;
  const ordered = [...policies].sort((a, b) => a.position - b.position);
  return ordered.find((p) => p.active && policyMatches(p.conditions, facts)) ?? null;
}

/** The policy's targets for a priority (empty when it sets none for it). */
export function targetsFor(policy: SlaPolicy, priority: string): Partial<Record<SlaMetric, Target>> {
  return policy.targets[priority as SlaPriority] ?? {};
}
