import type { Deps } from '../../platform/deps';
import type { Actor } from './actor';
import { credentialRepository, type Principal } from './credential-repository';
import { hashToken } from './passwords';

// A short-lived cache of resolved credentials keeps sign-in lookups off the hot path. Revoking a key
// or signing out clears it here at once; other processes notice within CACHE_MS.
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
// Entries hold the lookup's promise, so a burst of requests with one key makes a single lookup.
const cache = new Map<string, { principal: Promise<Principal | undefined>; until: number }>();

export function forgetCredential(tokenHash: string) {
  cache.delete(tokenHash);
}

/** Resolves a session token or API key to the acting principal, or null. */
export async function authenticate(deps: Deps, token: string): Promise<Actor | null> {
  if (!token.startsWith('gds_') && !token.startsWith('gdk_')) return null;
  const tokenHash = hashToken(token);
  const now = deps.clock.now();
  const hit = cache.get(tokenHash);
  let lookup = hit && hit.until > now.getTime() ? hit.principal : undefined;
  if (!lookup) {
    lookup = deps.db.system(async (q) => {
      if (token.startsWith('gds_')) return credentialRepository.sessionPrincipal(q, tokenHash, now);
      const p = await credentialRepository.apiKeyPrincipal(q, tokenHash);
      if (p) await credentialRepository.touchApiKey(q, p.credential_id, now);
      return p;
    });
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
    const entry = { principal: lookup, until: now.getTime() + CACHE_MS };
    cache.set(tokenHash, entry);
    const drop = () => cache.get(tokenHash) === entry && cache.delete(tokenHash);
    lookup.then((p) => p ?? drop(), drop);
  }
  const principal = await lookup;
  if (!principal) return null;
  const isKey = token.startsWith('gdk_');
  return {
    tenantId: principal.tenant_id,
    type: isKey ? 'api_key' : 'user',
    id: isKey ? principal.credential_id : principal.user_id,
    name: principal.name,
    role: principal.role,
    scope: principal.scope,
    teamIds: principal.team_ids,
    contactId: principal.contact_id,
    credentialId: principal.credential_id,
  };
}

export async function signOut(deps: Deps, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  forgetCredential(tokenHash);
  await deps.db.system((q) => credentialRepository.deleteSession(q, tokenHash));
}
