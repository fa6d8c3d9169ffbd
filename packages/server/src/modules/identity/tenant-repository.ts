import type { Queryable } from '../../platform/db/database';

export interface TenantRow {
  id: string;
  slug: string;
  name: string;
  settings: TenantSettings;
  created_at: Date;
}

export interface TenantSettings {
  timeZone?: string;
  languages?: string[];
  defaultLanguage?: string;
  logoUrl?: string;
}

// Tenant rows are created by the platform (system transaction); a tenant reads and updates only itself.
export const tenantRepository = {
  async insert(q: Queryable, t: { id: string; slug: string; name: string; settings: TenantSettings }): Promise<TenantRow> {
    const [row] = await q.query<TenantRow>(
      `INSERT INTO tenants (id, slug, name, settings) VALUES ($1, $2, $3, $4) RETURNING *`,
      [t.id, t.slug, t.name, JSON.stringify(t.settings)],
    );
    await q.query('SELECT create_ticket_sequence($1)', [t.id]);
    return row;
  },
  async count(q: Queryable): Promise<number> {
    const [r] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM tenants');
    return r.n;
  },
  async slugExists(q: Queryable, slug: string): Promise<boolean> {
    return (await q.query('SELECT 1 FROM tenants WHERE slug = $1', [slug])).length > 0;
  },
  async current(q: Queryable): Promise<TenantRow | undefined> {
    const [row] = await q.query<TenantRow>('SELECT * FROM tenants WHERE id = current_tenant_id()');
    return row;
  },
  async list(q: Queryable): Promise<TenantRow[]> {
    return q.query<TenantRow>('SELECT * FROM tenants ORDER BY created_at');
  },
  /** System transaction: every tenant with its number of users, oldest first. */
  async listWithUserCounts(q: Queryable): Promise<(TenantRow & { users: number })[]> {
    return q.query(
      `SELECT t.*, (SELECT count(*) FROM users u WHERE u.tenant_id = t.id)::int AS users FROM tenants t ORDER BY t.created_at, t.id`,
    );
  },
  async update(q: Queryable, patch: { name?: string; settings?: TenantSettings }): Promise<TenantRow> {
    const [row] = await q.query<TenantRow>(
      `UPDATE tenants SET name = coalesce($1, name), settings = coalesce($2::jsonb, settings), updated_at = now()
       WHERE id = current_tenant_id() RETURNING *`,
      [patch.name ?? null, patch.settings ? JSON.stringify(patch.settings) : null],
    );
    return row;
  },
};
