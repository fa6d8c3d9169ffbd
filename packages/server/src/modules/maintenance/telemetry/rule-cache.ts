import type { Queryable } from '../../../platform/db/database';
import { telemetryRepository, type TelemetryRuleRow } from './telemetry-repository';

// Every telemetry message needs its model's rules: they are kept briefly per tenant and model, so a
// busy fleet reads them once a few seconds instead of once a message. A change made in this process
// is seen at once (forgetRules); one made by another process within CACHE_MS. Real (not simulated)
// time: the cache is about load, not about rules.
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
const cache = new Map<string, { rules: TelemetryRuleRow[]; until: number }>();

export async function rulesForModel(q: Queryable, tenantId: string, model: string | null): Promise<TelemetryRuleRow[]> {
  const key = `${tenantId}\u0000${model ?? ''}`;
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.rules;
  const rules = await telemetryRepository.rulesForModel(q, model);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, { rules, until: Date.now() + CACHE_MS });
  return rules;
}

/** A tenant's rules changed here: read them again on the next message. */
export function forgetRules(tenantId: string): void {
  for (const k of cache.keys()) if (k.startsWith(`${tenantId}\u0000`)) cache.delete(k);
}
