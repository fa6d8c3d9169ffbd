import type { Queryable } from '../../../platform/db/database';

export interface DeviceKeyRow {
  id: string;
  name: string;
  prefix: string;
  created_by: string | null;
  created_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const COLUMNS = 'id, name, prefix, created_by, created_at, revoked_at, last_used_at';

export const deviceKeyRepository = {
  async insert(q: Queryable, k: { id: string; tenantId: string; name: string; keyHash: string; prefix: string; createdBy: string | null; at: Date }): Promise<DeviceKeyRow> {
    const [row] = await q.query<DeviceKeyRow>(
      `INSERT INTO device_keys (id, tenant_id, name, key_hash, prefix, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING ${COLUMNS}`,
      [k.id, k.tenantId, k.name, k.keyHash, k.prefix, k.createdBy, k.at],
    );
    return row;
  },
  async list(q: Queryable): Promise<DeviceKeyRow[]> {
    return q.query<DeviceKeyRow>(`SELECT ${COLUMNS} FROM device_keys WHERE tenant_id = current_tenant_id() ORDER BY created_at DESC, id DESC`);
  },
  async revoke(q: Queryable, id: string, at: Date): Promise<{ key_hash: string } | undefined> {
    const [row] = await q.query<{ key_hash: string }>('UPDATE device_keys SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING key_hash', [id, at]);
    return row;
  },
  /** System session (the tenant is not known yet): a live (not revoked) key by its hash, with its tenant. */
  async liveByHash(q: Queryable, keyHash: string): Promise<{ id: string; tenant_id: string } | undefined> {
    const [row] = await q.query<{ id: string; tenant_id: string }>('SELECT id, tenant_id FROM device_keys WHERE key_hash = $1 AND revoked_at IS NULL', [keyHash]);
    return row;
  },
  /** System session; written at most once a minute per key. */
  async touch(q: Queryable, id: string, at: Date): Promise<void> {
    await q.query(`UPDATE device_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`, [id, at]);
  },
};
