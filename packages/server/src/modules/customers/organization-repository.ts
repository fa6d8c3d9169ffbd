import type { Queryable } from '../../platform/db/database';
import { likePattern } from '../../platform/db/like-pattern';

export interface OrganizationRow {
  id: string;
  name: string;
  tier: string;
  domain: string | null;
  notes: string;
  created_at: Date;
  updated_at: Date;
  contact_count: number;
}

const SELECT = `SELECT o.id, o.name, o.tier, o.domain, o.notes, o.created_at, o.updated_at,
  (SELECT count(*)::int FROM contacts c WHERE c.organization_id = o.id) AS contact_count
  FROM organizations o`;

export const organizationRepository = {
  async insert(q: Queryable, o: { id: string; tenantId: string; name: string; tier: string; domain: string | null; notes: string }): Promise<void> {
    await q.query('INSERT INTO organizations (id, tenant_id, name, tier, domain, notes) VALUES ($1,$2,$3,$4,$5,$6)', [
      o.id,
      o.tenantId,
      o.name,
      o.tier,
      o.domain,
      o.notes,
    ]);
  },
  async update(q: Queryable, id: string, p: { name?: string; tier?: string; domain?: string | null; notes?: string }): Promise<boolean> {
    const rows = await q.query(
      `UPDATE organizations SET name = coalesce($2, name), tier = coalesce($3, tier),
         domain = CASE WHEN $4 THEN $5 ELSE domain END, notes = coalesce($6, notes), updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, p.name ?? null, p.tier ?? null, p.domain !== undefined, p.domain ?? null, p.notes ?? null],
    );
    return rows.length > 0;
  },
  async byId(q: Queryable, id: string): Promise<OrganizationRow | undefined> {
    const [row] = await q.query<OrganizationRow>(`${SELECT} WHERE o.id = $1`, [id]);
    return row;
  },
  async exists(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM organizations WHERE id = $1', [id])).length > 0;
  },
  /** Organizations by name or domain (substring, case-insensitive), optionally of one tier. */
  async list(q: Queryable, f: { q?: string; tier?: string; limit: number; offset: number }): Promise<OrganizationRow[]> {
    return q.query<OrganizationRow>(
      `${SELECT} WHERE ($1::text IS NULL OR o.name ILIKE $1 OR o.domain ILIKE $1) AND ($2::text IS NULL OR o.tier = $2)
       ORDER BY o.name, o.id LIMIT $3 OFFSET $4`,
      [f.q ? likePattern(f.q) : null, f.tier ?? null, f.limit, f.offset],
    );
  },
};
