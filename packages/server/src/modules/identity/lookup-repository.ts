import type { Queryable } from '../../platform/db/database';
import { isUuid } from '../../platform/ids';
import type { Role } from './actor';

// Narrow reads of tenants and users behind the read functions other modules use (read-tenants.ts,
// read-users.ts).
export const lookupRepository = {
  async tenantBySlug(q: Queryable, slug: string): Promise<{ id: string; slug: string; name: string } | undefined> {
    const [row] = await q.query<{ id: string; slug: string; name: string }>('SELECT id, slug, name FROM tenants WHERE slug = $1', [slug]);
    return row;
  },
  async firstActiveAdminId(q: Queryable): Promise<string | undefined> {
    const [row] = await q.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY created_at LIMIT 1`);
    return row?.id;
  },
  async hasUsersBesidesAdmins(q: Queryable): Promise<boolean> {
    const [row] = await q.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM users WHERE role <> 'admin') AS found`);
    return row.found;
  },
  /** System session: the tenant with this slug. */
  async tenantIdBySlug(q: Queryable, slug: string): Promise<string | undefined> {
    const [row] = await q.query<{ id: string }>('SELECT id FROM tenants WHERE slug = $1', [slug]);
    return row?.id;
  },
  /** System session: the slug of a tenant. */
  async tenantSlug(q: Queryable, tenantId: string): Promise<string | undefined> {
    const [row] = await q.query<{ slug: string }>('SELECT slug FROM tenants WHERE id = $1', [tenantId]);
    return row?.slug;
  },
  /** System session: the ids of the first two tenants by creation. */
  async firstTenantIds(q: Queryable): Promise<string[]> {
    const rows = await q.query<{ id: string }>('SELECT id FROM tenants ORDER BY created_at LIMIT 2');
    return rows.map((r) => r.id);
  },
  async user(q: Queryable, id: string): Promise<{ id: string; name: string; role: Role; active: boolean } | undefined> {
    const [row] = await q.query<{ id: string; name: string; role: Role; active: boolean }>('SELECT id, name, role, active FROM users WHERE id = $1', [id]);
    return row;
  },
  async userNames(q: Queryable, ids: string[]): Promise<{ id: string; name: string }[]> {
    if (!ids.length) return [];
    return q.query<{ id: string; name: string }>('SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [ids]);
  },
  /** An active staff user of the tenant by email (case-insensitive) or id. */
  async activeStaff(q: Queryable, ref: string): Promise<{ id: string; name: string } | undefined> {
    const [row] = await q.query<{ id: string; name: string }>(
      `SELECT id, name FROM users WHERE tenant_id = current_tenant_id() AND active AND role <> 'customer'
         AND (${isUuid(ref) ? 'id = $1::uuid' : 'lower(email) = lower($1)'}) LIMIT 1`,
      [ref],
    );
    return row;
  },
};
