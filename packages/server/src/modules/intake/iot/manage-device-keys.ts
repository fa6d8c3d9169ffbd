import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { hashToken, newToken } from '../../../platform/tokens';
import { requireRole, type Actor } from '../../identity';
import { forgetDeviceKey } from './device-auth';
import { deviceKeyRepository, type DeviceKeyRow } from './device-key-repository';

/** Creates a device key (admins); the key is returned once, only its hash is stored. */
export async function createDeviceKey(deps: Deps, actor: Actor, input: { name: string }): Promise<DeviceKeyRow & { key: string }> {
  requireRole(actor, ['admin']);
  const key = newToken('gdd');
  const row = await deps.db.tenant(actor.tenantId, (q) =>
    deviceKeyRepository.insert(q, {
      id: uuidv7(),
      tenantId: actor.tenantId,
      name: input.name,
      keyHash: hashToken(key),
      prefix: key.slice(0, 10),
      createdBy: actor.type === 'user' ? actor.id : null,
      at: deps.clock.now(),
    }),
  );
  return { ...row, key };
}

export async function listDeviceKeys(deps: Deps, actor: Actor): Promise<DeviceKeyRow[]> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, (q) => deviceKeyRepository.list(q));
}

/** Revokes a key: refused from then on by this process, by others within seconds (their cache). */
export async function revokeDeviceKey(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, ['admin']);
  const row = await deps.db.tenant(actor.tenantId, (q) => deviceKeyRepository.revoke(q, id, deps.clock.now()));
  if (!row) throw notFound('Device key');
  forgetDeviceKey(row.key_hash);
}
