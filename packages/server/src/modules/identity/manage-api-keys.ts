import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { type Actor, type Role } from './actor';
import { requireRole } from './require-role';
import { forgetCredential } from './authenticate';
import { credentialRepository, type ApiKeyRow } from './credential-repository';
import { hashToken, newToken } from './passwords';

/** Creates an API key; the secret is returned once and only its hash is stored. */
export async function createApiKey(deps: Deps, actor: Actor, input: { name: string; role: Role }): Promise<ApiKeyRow & { key: string }> {
  requireRole(actor, ['admin']);
  const key = newToken('gdk');
  const row = await deps.db.tenant(actor.tenantId, (q) =>
    credentialRepository.insertApiKey(q, {
      id: uuidv7(),
      tenantId: actor.tenantId,
      name: input.name,
      prefix: key.slice(0, 10),
      keyHash: hashToken(key),
      role: input.role,
      createdBy: actor.type === 'user' ? actor.id : null,
    }),
  );
  return { ...row, key };
}

export async function listApiKeys(deps: Deps, actor: Actor): Promise<ApiKeyRow[]> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, (q) => credentialRepository.listApiKeys(q));
}

export async function revokeApiKey(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, ['admin']);
  const row = await deps.db.tenant(actor.tenantId, (q) => credentialRepository.revokeApiKey(q, id, deps.clock.now()));
  if (!row) throw notFound('API key');
  forgetCredential(row.key_hash);
}
