import type { Queryable } from '../../platform/db/database';

export interface LoginCodeRow {
  id: string;
  contact_id: string;
  via: 'email' | 'sms';
  secret_hash: string;
  attempts: number;
  expires_at: Date;
  used_at: Date | null;
}

// Sign-in codes / links and sessions of portal customers (only hashes of the secrets are stored).
export const signInRepository = {
  async insertCode(q: Queryable, c: { id: string; contactId: string; via: 'email' | 'sms'; secretHash: string; at: Date; expiresAt: Date }): Promise<void> {
    await q.query(
      `INSERT INTO portal_login_codes (id, tenant_id, contact_id, via, secret_hash, created_at, expires_at)
       VALUES ($1, current_tenant_id(), $2, $3, $4, $5, $6)`,
      [c.id, c.contactId, c.via, c.secretHash, c.at, c.expiresAt],
    );
    // an older unused code of the same contact stops working: only the latest one counts
    await q.query('UPDATE portal_login_codes SET used_at = $3 WHERE contact_id = $1 AND id <> $2 AND used_at IS NULL', [c.contactId, c.id, c.at]);
  },
  /** The latest live code of a contact (unused, not expired), locked. */
  async liveCodeOf(q: Queryable, contactId: string, now: Date): Promise<LoginCodeRow | undefined> {
    const [row] = await q.query<LoginCodeRow>(
      `SELECT id, contact_id, via, secret_hash, attempts, expires_at, used_at FROM portal_login_codes
       WHERE contact_id = $1 AND used_at IS NULL AND expires_at > $2 ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [contactId, now],
    );
    return row;
  },
  /** The live code (a link's token) with this hash, locked. */
  async liveCodeByHash(q: Queryable, hash: string, now: Date): Promise<LoginCodeRow | undefined> {
    const [row] = await q.query<LoginCodeRow>(
      `SELECT id, contact_id, via, secret_hash, attempts, expires_at, used_at FROM portal_login_codes
       WHERE tenant_id = current_tenant_id() AND secret_hash = $1 AND used_at IS NULL AND expires_at > $2 LIMIT 1 FOR UPDATE`,
      [hash, now],
    );
    return row;
  },
  async countAttempt(q: Queryable, id: string, spend: boolean, now: Date): Promise<void> {
    await q.query('UPDATE portal_login_codes SET attempts = attempts + 1, used_at = CASE WHEN $2 THEN $3::timestamptz ELSE used_at END WHERE id = $1', [id, spend, now]);
  },
  async spend(q: Queryable, id: string, now: Date): Promise<void> {
    await q.query('UPDATE portal_login_codes SET used_at = $2 WHERE id = $1', [id, now]);
  },
  async insertSession(q: Queryable, s: { id: string; contactId: string; tokenHash: string; at: Date; expiresAt: Date }): Promise<void> {
    await q.query(
      `INSERT INTO portal_sessions (id, tenant_id, contact_id, token_hash, created_at, expires_at) VALUES ($1, current_tenant_id(), $2, $3, $4, $5)`,
      [s.id, s.contactId, s.tokenHash, s.at, s.expiresAt],
    );
  },
  async sessionContact(q: Queryable, tokenHash: string, now: Date): Promise<string | undefined> {
    const [row] = await q.query<{ contact_id: string }>('SELECT contact_id FROM portal_sessions WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now]);
    return row?.contact_id;
  },
  async deleteSession(q: Queryable, tokenHash: string): Promise<void> {
    await q.query('DELETE FROM portal_sessions WHERE token_hash = $1', [tokenHash]);
  },
};
