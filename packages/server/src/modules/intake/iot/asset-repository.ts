import type { Queryable } from '../../../platform/db/database';

/** A device as stored (its owner's and organization's names come from the customers module). */
export interface StoredAssetRow {
  id: string;
  serial: string;
  model: string | null;
  name: string | null;
  owner_contact_id: string | null;
  organization_id: string | null;
  confirmed: boolean;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT a.id, a.serial, a.model, a.name, a.owner_contact_id, a.organization_id, a.confirmed, a.created_at, a.updated_at FROM assets a`;

export interface AssetFields {
  model?: string | null;
  name?: string | null;
  ownerContactId?: string | null;
  organizationId?: string | null;
  confirmed?: boolean;
}

const COLUMN: Record<keyof AssetFields, string> = { model: 'model', name: 'name', ownerContactId: 'owner_contact_id', organizationId: 'organization_id', confirmed: 'confirmed' };

export const assetRepository = {
  /** Creates the assets of serials not known yet (unconfirmed) and returns every serial's asset. */
  async ensure(q: Queryable, tenantId: string, serials: string[], at: Date, newIds: string[]): Promise<Map<string, { id: string; owner_contact_id: string | null; organization_id: string | null }>> {
    await q.query(
      `INSERT INTO assets (id, tenant_id, serial, confirmed, created_at, updated_at)
       SELECT u.id, $1, u.serial, false, $2, $2 FROM unnest($3::uuid[], $4::text[]) AS u(id, serial)
       ON CONFLICT (tenant_id, serial) DO NOTHING`,
      [tenantId, at, newIds, serials],
    );
    const rows = await q.query<{ id: string; serial: string; owner_contact_id: string | null; organization_id: string | null }>(
      'SELECT id, serial, owner_contact_id, organization_id FROM assets WHERE tenant_id = current_tenant_id() AND serial = ANY($1::text[])',
      [serials],
    );
    return new Map(rows.map((r) => [r.serial, r]));
  },
  async insert(q: Queryable, a: { id: string; tenantId: string; serial: string; at: Date } & AssetFields): Promise<StoredAssetRow | undefined> {
    const [row] = await q.query<{ id: string }>(
      `INSERT INTO assets (id, tenant_id, serial, model, name, owner_contact_id, organization_id, confirmed, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,true,$8,$8) ON CONFLICT (tenant_id, serial) DO NOTHING RETURNING id`,
      [a.id, a.tenantId, a.serial, a.model ?? null, a.name ?? null, a.ownerContactId ?? null, a.organizationId ?? null, a.at],
    );
    return row ? this.byId(q, row.id) : undefined;
  },
  async update(q: Queryable, id: string, f: AssetFields, at: Date): Promise<StoredAssetRow | undefined> {
    const sets: string[] = [];
    const params: unknown[] = [id, at];
    for (const [k, col] of Object.entries(COLUMN)) {
      const v = f[k as keyof AssetFields];
      if (v === undefined) continue;
      params.push(v);
      sets.push(`${col} = $${params.length}`);
    }
    const [row] = await q.query<{ id: string }>(`UPDATE assets SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 RETURNING id`, params);
    return row ? this.byId(q, row.id) : undefined;
  },
  async byId(q: Queryable, id: string): Promise<StoredAssetRow | undefined> {
    const [row] = await q.query<StoredAssetRow>(`${SELECT} WHERE a.id = $1`, [id]);
    return row;
  },
  /** Newest first, keyset paged by (created_at, id). */
  async list(q: Queryable, f: { serial?: string; confirmed?: boolean; before?: { at: Date; id: string }; limit: number }): Promise<StoredAssetRow[]> {
    return q.query<StoredAssetRow>(
      `${SELECT} WHERE a.tenant_id = current_tenant_id() AND ($1::text IS NULL OR a.serial = $1) AND ($2::boolean IS NULL OR a.confirmed = $2)
         AND ($3::timestamptz IS NULL OR (a.created_at, a.id) < ($3::timestamptz, $4::uuid))
       ORDER BY a.created_at DESC, a.id DESC LIMIT $5`,
      [f.serial ?? null, f.confirmed ?? null, f.before?.at ?? null, f.before?.id ?? null, f.limit],
    );
  },
};
