import type { Queryable } from '../../platform/db/database';

/**
 * The tier of each of these contacts as stored: the contact's own, else its organization's, else null
 * (`effectiveTier` turns that into a tier). Contacts that do not exist are left out.
 */
export async function storedTiers(q: Queryable, contactIds: string[]): Promise<Map<string, string | null>> {
  if (!contactIds.length) return new Map();
  const rows = await q.query<{ id: string; tier: string | null }>(
    `SELECT c.id, coalesce(c.tier, o.tier) AS tier FROM contacts c LEFT JOIN organizations o ON o.id = c.organization_id
     WHERE c.id = ANY($1::uuid[])`,
    [contactIds],
  );
  return new Map(rows.map((r) => [r.id, r.tier]));
}
