import type { Deps } from '../../../platform/deps';
import { soleTenantId } from '../../identity';
import { channelRepository } from '../channel-repository';
import { domainOf } from './email-rules';
import { mailRouteRepository } from './mail-route-repository';

export interface MailRoute {
  tenantId: string;
  channelId: string | null;
}

/**
 * The tenant (and mailbox channel) a recipient address belongs to: the enabled email channel whose
 * address is the recipient or its "@domain"; on an install with one tenant and no mail address configured yet,
 * that tenant. Null: nobody here receives mail for this address.
 */
export async function routeRecipient(deps: Deps, address: string): Promise<MailRoute | null> {
  const a = address.trim().toLowerCase();
  if (!a.includes('@')) return null;
  return deps.db.system(async (q) => {
    const c = await channelRepository.byAddress(q, 'email', [a, `@${domainOf(a)}`]);
    if (c) return { tenantId: c.tenantId, channelId: c.id };
    if (await mailRouteRepository.anyAddressConfigured(q)) return null;
    const sole = await soleTenantId(q);
    return sole ? { tenantId: sole, channelId: null } : null;
  });
}

/**
 * routeRecipient with the mailbox routes remembered for `ttlMs` (every RCPT TO otherwise costs a
 * database transaction): a changed or disabled mailbox address applies within that time. Refusals
 * and the single-tenant fallback are not remembered, so a newly configured address applies at once.
 */
export function cachedRouter(deps: Deps, ttlMs: number): (address: string) => Promise<MailRoute | null> {
  const cache = new Map<string, { at: number; route: MailRoute }>();
  return async (address) => {
    const key = address.trim().toLowerCase();
    const now = Date.now();
    const hit = ttlMs > 0 ? cache.get(key) : undefined;
    if (hit && now - hit.at < ttlMs) return hit.route;
    const route = await routeRecipient(deps, key);
    if (route?.channelId && ttlMs > 0) {
      if (cache.size > 10_000) cache.clear();
      cache.set(key, { at: now, route });
    }
    return route;
  };
}
