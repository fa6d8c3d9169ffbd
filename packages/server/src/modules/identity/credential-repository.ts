import type { Queryable } from '../../platform/db/database';
import type { Role, Scope } from './actor';

export interface Principal {
  credential_id: string;
  tenant_id: string;
  user_id: string | null;
  name: string;
  role: Role;
  scope: Scope;
  team_ids: string[];
  contact_id: string | null;
}

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

// Sessions and API keys are looked up by token hash before the tenant is known: system transactions.
export const credentialRepository = {
  async insertSession(q: Queryable, s: { id: string; tenantId: string; userId: string; tokenHash: string; expiresAt: Date }) {
    await q.query('INSERT INTO sessions (id, tenant_id, user_id, token_hash, expires_at) VALUES ($1,$2,$3,$4,$5)', [
      s.id,
      s.tenantId,
      s.userId,
      s.tokenHash,
      s.expiresAt,
    ]);
  },
  async sessionPrincipal(q: Queryable, tokenHash: string, now: Date): Promise<Principal | undefined> {
    const [row] = await q.query<Principal>(
      `SELECT s.id AS credential_id, s.tenant_id, u.id AS user_id, u.name, u.role, u.scope, u.contact_id,
              coalesce((SELECT array_agg(m.team_id) FROM team_members m WHERE m.user_id = u.id), '{}') AS team_ids
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
      [tokenHash, now],
    );
    return row;
  },
  async deleteSession(q: Queryable, tokenHash: string) {
    await q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  },
  async apiKeyPrincipal(q: Queryable, keyHash: string): Promise<Principal | undefined> {
    const [row] = await q.query<Principal>(
      `SELECT k.id AS credential_id, k.tenant_id, NULL::uuid AS user_id, k.name, k.role, 'all' AS scope,
              '{}'::uuid[] AS team_ids, NULL::uuid AS contact_id
       FROM api_keys k WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [keyHash],
    );
    return row;
  },
  async touchApiKey(q: Queryable, id: string, now: Date) {
    await q.query(`UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`, [id, now]);
  },
  async insertApiKey(q: Queryable, k: { id: string; tenantId: string; name: string; prefix: string; keyHash: string; role: Role; createdBy: string | null }): Promise<ApiKeyRow> {
    const [row] = await q.query<ApiKeyRow>(
      `INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, role, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)
       RETURNING id, name, prefix, role, created_by, created_at, last_used_at, revoked_at`,
      [k.id, k.tenantId, k.name, k.prefix, k.keyHash, k.role, k.createdBy],
    );
    return row;
  },
  async listApiKeys(q: Queryable): Promise<ApiKeyRow[]> {
    return q.query<ApiKeyRow>('SELECT id, name, prefix, role, created_by, created_at, last_used_at, revoked_at FROM api_keys ORDER BY created_at DESC');
  },
  async revokeApiKey(q: Queryable, id: string, now: Date): Promise<{ key_hash: string } | undefined> {
    const [row] = await q.query<{ key_hash: string }>('UPDATE api_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING key_hash', [id, now]);
    return row;
  },
};
