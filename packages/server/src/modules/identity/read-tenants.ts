import type { Queryable } from '../../platform/db/database';
import { lookupRepository } from './lookup-repository';

// Tenant look-ups for other modules, in the caller's transaction (a system session: the tenant is not
// known yet, e.g. a device key or a mail recipient being routed).

/** The tenant with this slug (the name in MQTT topics and sign-in addresses). */
export function tenantIdBySlug(q: Queryable, slug: string): Promise<string | undefined> {
  return lookupRepository.tenantIdBySlug(q, slug);
}

/** The slug of a tenant. */
export function tenantSlug(q: Queryable, tenantId: string): Promise<string | undefined> {
  return lookupRepository.tenantSlug(q, tenantId);
}

/** The only tenant of a single-tenant install, or null when there are none or several. */
export async function soleTenantId(q: Queryable): Promise<string | null> {
  const ids = await lookupRepository.firstTenantIds(q);
  return ids.length === 1 ? ids[0] : null;
}

/** The tenant with this slug, with its name. */
export function tenantBySlug(q: Queryable, slug: string): Promise<{ id: string; slug: string; name: string } | undefined> {
  return lookupRepository.tenantBySlug(q, slug);
}
