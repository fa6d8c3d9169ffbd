import type { Deps } from '../../../platform/deps';
import { hashToken } from '../../../platform/tokens';
import { tenantSlug } from '../../identity';
import { deviceKeyRepository } from './device-key-repository';

export interface DeviceTenant {
  tenantId: string;
  slug: string;
  keyId: string;
}

// Verified keys are kept briefly, so a burst of connections and HTTP alarms makes one lookup; a
// revoked key is dropped here at once and by other processes within CACHE_MS. Real (not simulated)
// time: the cache is about load, not about rules.
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
const cache = new Map<string, { tenant: Promise<DeviceTenant | null>; until: number }>();

export function forgetDeviceKey(keyHash: string): void {
  cache.delete(keyHash);
}

/** The tenant a device key belongs to, or null for a key that is unknown or revoked. */
export async function verifyDeviceKey(deps: Deps, key: string): Promise<DeviceTenant | null> {
  if (!key.startsWith('gdd_') || key.length > 200) return null;
  const keyHash = hashToken(key);
  const hit = cache.get(keyHash);
  if (hit && hit.until > Date.now()) return hit.tenant;
  const tenant = deps.db.system(async (q) => {
    const k = await deviceKeyRepository.liveByHash(q, keyHash);
    const slug = k && (await tenantSlug(q, k.tenant_id));
    if (!k || !slug) return null;
    await deviceKeyRepository.touch(q, k.id, deps.clock.now());
    return { tenantId: k.tenant_id, slug, keyId: k.id };
  });
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  const entry = { tenant, until: Date.now() + CACHE_MS };
  cache.set(keyHash, entry);
  const drop = () => cache.get(keyHash) === entry && cache.delete(keyHash);
  tenant.then((t) => t ?? drop(), drop);
  return tenant;
}

/** A device of tenant `slug` with this key (MQTT: username = tenant slug, password = key). */
export async function verifyDevice(deps: Deps, slug: string, key: string): Promise<DeviceTenant | null> {
  const t = await verifyDeviceKey(deps, key);
  return t && t.slug === slug ? t : null;
}
