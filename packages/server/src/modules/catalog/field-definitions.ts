import type { Queryable } from '../../platform/db/database';
import { catalogRepository, type CustomFieldRow } from './catalog-repository';

// Every ticket create validates custom fields against their definitions; definitions change rarely,
// so they are kept for a few seconds per tenant and type. A change made through this process is seen
// at once; other processes see it within TTL_MS.
const TTL_MS = 5_000;
const cache = new Map<string, { defs: CustomFieldRow[]; until: number }>();

export async function fieldDefinitionsFor(q: Queryable, tenantId: string, typeId: string | null): Promise<CustomFieldRow[]> {
  const key = `${tenantId}:${typeId ?? ''}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.defs;
  const defs = await catalogRepository.fieldsForType(q, typeId);
  if (cache.size > 10_000) cache.clear();
  cache.set(key, { defs, until: Date.now() + TTL_MS });
  return defs;
}

/** Called by every change to custom field definitions or ticket types of a tenant. */
export function forgetFieldDefinitions(tenantId: string): void {
  for (const key of cache.keys()) if (key.startsWith(`${tenantId}:`)) cache.delete(key);
}
