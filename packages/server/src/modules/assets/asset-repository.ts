import type { Queryable } from '../../platform/db/database';

/** An asset as stored (its owner's and organization's names come from the customers module). */
export interface StoredAssetRow {
  id: string;
  serial: string;
  model: string | null;
  name: string | null;
  product_line: string | null;
  owner_contact_id: string | null;
  organization_id: string | null;
  parent_id: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  /** YYYY-MM-DD */
  installed_on: string | null;
  warranty_end: string | null;
  confirmed: boolean;
  qr_token: string;
  created_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT a.id, a.serial, a.model, a.name, a.product_line, a.owner_contact_id, a.organization_id, a.parent_id, a.address,
  a.lat, a.lng, to_char(a.installed_on, 'YYYY-MM-DD') AS installed_on, to_char(a.warranty_end, 'YYYY-MM-DD') AS warranty_end,
  a.confirmed, a.qr_token, a.created_at, a.updated_at FROM assets a`;

/** What an admin may set on an asset (undefined: unchanged; null: cleared). */
export interface AssetFields {
  model?: string | null;
  name?: string | null;
  productLine?: string | null;
  ownerContactId?: string | null;
  organizationId?: string | null;
  parentId?: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  installedOn?: string | null;
  warrantyEnd?: string | null;
  confirmed?: boolean;
}

const COLUMN: Record<keyof AssetFields, string> = {
  model: 'model',
  name: 'name',
  productLine: 'product_line',
  ownerContactId: 'owner_contact_id',
  organizationId: 'organization_id',
  parentId: 'parent_id',
  address: 'address',
  lat: 'lat',
  lng: 'lng',
  installedOn: 'installed_on',
  warrantyEnd: 'warranty_end',
  confirmed: 'confirmed',
};

export interface AssetFilter {
  /** words found in the serial, name or model */
  q?: string;
  serial?: string;
  model?: string;
  organizationId?: string;
  parentId?: string;
  /** only assets without a parent (the top of the hierarchy) */
  topLevel?: boolean;
  confirmed?: boolean;
  ids?: string[];
}

/** LIKE pattern of words as typed (%, _ and \ taken literally). */
const likeOf = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const assetRepository = {
  /** Creates the assets of serials not known yet (unconfirmed) and returns every serial's asset. */
  async ensure(q: Queryable, tenantId: string, serials: string[], at: Date, newIds: string[]): Promise<Map<string, StoredAssetRow>> {
    await q.query(
      `INSERT INTO assets (id, tenant_id, serial, confirmed, created_at, updated_at)
       SELECT u.id, $1, u.serial, false, $2, $2 FROM unnest($3::uuid[], $4::text[]) AS u(id, serial)
       ON CONFLICT (tenant_id, serial) DO NOTHING`,
      [tenantId, at, newIds, serials],
    );
    return this.bySerials(q, serials);
  },
  /** The known assets of these serials, by serial. */
  async bySerials(q: Queryable, serials: string[]): Promise<Map<string, StoredAssetRow>> {
    const rows = await q.query<StoredAssetRow>(`${SELECT} WHERE a.tenant_id = current_tenant_id() AND a.serial = ANY($1::text[])`, [serials]);
    return new Map(rows.map((r) => [r.serial, r]));
  },
  async insert(q: Queryable, a: { id: string; tenantId: string; serial: string; at: Date } & AssetFields): Promise<StoredAssetRow | undefined> {
    const [row] = await q.query<{ id: string }>(
      `INSERT INTO assets (id, tenant_id, serial, model, name, product_line, owner_contact_id, organization_id, parent_id, address, lat, lng,
         installed_on, warranty_end, confirmed, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,true,$15,$15) ON CONFLICT (tenant_id, serial) DO NOTHING RETURNING id`,
      [
        a.id, a.tenantId, a.serial, a.model ?? null, a.name ?? null, a.productLine ?? null, a.ownerContactId ?? null, a.organizationId ?? null,
        a.parentId ?? null, a.address ?? null, a.lat ?? null, a.lng ?? null, a.installedOn ?? null, a.warrantyEnd ?? null, a.at,
      ],
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
  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.query<{ id: string }>('DELETE FROM assets WHERE id = $1 RETURNING id', [id])).length > 0;
  },
  async byId(q: Queryable, id: string): Promise<StoredAssetRow | undefined> {
    const [row] = await q.query<StoredAssetRow>(`${SELECT} WHERE a.id = $1`, [id]);
    return row;
  },
  /** The assets of these ids (row-level security hides other tenants'), by id. */
  async byIds(q: Queryable, ids: string[]): Promise<Map<string, StoredAssetRow>> {
    const rows = await q.query<StoredAssetRow>(`${SELECT} WHERE a.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  },
  async bySerial(q: Queryable, serial: string): Promise<StoredAssetRow | undefined> {
    const [row] = await q.query<StoredAssetRow>(`${SELECT} WHERE a.tenant_id = current_tenant_id() AND a.serial = $1`, [serial]);
    return row;
  },
  async byToken(q: Queryable, token: string): Promise<StoredAssetRow | undefined> {
    const [row] = await q.query<StoredAssetRow>(`${SELECT} WHERE a.tenant_id = current_tenant_id() AND a.qr_token = $1`, [token]);
    return row;
  },
  /** The ids above an asset, its parent first (bounded: a hierarchy is a few levels deep). */
  async ancestorIds(q: Queryable, id: string): Promise<string[]> {
    const rows = await q.query<{ id: string }>(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT a.id, a.parent_id, 0 FROM assets a WHERE a.id = $1
         UNION ALL SELECT a.id, a.parent_id, up.depth + 1 FROM assets a JOIN up ON a.id = up.parent_id WHERE up.depth < 50)
       SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
      [id],
    );
    return rows.map((r) => r.id);
  },
  /** How many children each of these assets has. */
  async childCounts(q: Queryable, ids: string[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await q.query<{ parent_id: string; n: number }>(
      'SELECT a.parent_id, count(*)::int AS n FROM assets a WHERE a.tenant_id = current_tenant_id() AND a.parent_id = ANY($1::uuid[]) GROUP BY a.parent_id',
      [ids],
    );
    return new Map(rows.map((r) => [r.parent_id, r.n]));
  },
  /** Newest first, keyset paged by (created_at, id). */
  async list(q: Queryable, f: AssetFilter & { before?: { at: Date; id: string }; limit: number }): Promise<StoredAssetRow[]> {
    return q.query<StoredAssetRow>(
      `${SELECT} WHERE a.tenant_id = current_tenant_id() AND ($1::text IS NULL OR a.serial = $1) AND ($2::boolean IS NULL OR a.confirmed = $2)
         AND ($3::timestamptz IS NULL OR (a.created_at, a.id) < ($3::timestamptz, $4::uuid))
         AND ($6::text IS NULL OR a.serial ILIKE $6 OR a.name ILIKE $6 OR a.model ILIKE $6)
         AND ($7::text IS NULL OR a.model = $7) AND ($8::uuid IS NULL OR a.organization_id = $8) AND ($9::uuid IS NULL OR a.parent_id = $9)
         AND (NOT $10::boolean OR a.parent_id IS NULL) AND ($11::uuid[] IS NULL OR a.id = ANY($11::uuid[]))
       ORDER BY a.created_at DESC, a.id DESC LIMIT $5`,
      [
        f.serial ?? null, f.confirmed ?? null, f.before?.at ?? null, f.before?.id ?? null, f.limit, f.q?.trim() ? likeOf(f.q.trim()) : null,
        f.model ?? null, f.organizationId ?? null, f.parentId ?? null, f.topLevel ?? false, f.ids ?? null,
      ],
    );
  },
};
