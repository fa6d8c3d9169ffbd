import type { Queryable } from '../../platform/db/database';
import { contactRepository } from './contact-repository';
import { effectiveTier, type CustomerTier } from './tiers';

/** The tier of each contact (its own, else its organization's, else standard), one statement for all. */
export async function requesterTiers(q: Queryable, contactIds: string[]): Promise<Map<string, CustomerTier>> {
  const rows = await contactRepository.tiers(q, [...new Set(contactIds)]);
  const tiers = new Map(rows.map((r) => [r.id, effectiveTier(r.tier, r.organization_tier)]));
  return new Map(contactIds.map((id) => [id, tiers.get(id) ?? 'standard']));
}
