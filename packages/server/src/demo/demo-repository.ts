import type { Queryable } from '../platform/db/database';

// The few lookups of the demo loader that no use case offers.

export const demoRepository = {
  /** A tenant by slug (platform work, inside db.system). */
  async tenantBySlug(q: Queryable, slug: string): Promise<{ id: string; slug: string; name: string } | undefined> {
    const [row] = await q.query<{ id: string; slug: string; name: string }>('SELECT id, slug, name FROM tenants WHERE slug = $1', [slug]);
    return row;
  },
  /** Whether the tenant (current, inside db.tenant) has anything besides its administrators: tickets, staff, customers. */
  async inUse(q: Queryable): Promise<boolean> {
    const [row] = await q.query<{ used: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM tickets) OR EXISTS (SELECT 1 FROM users WHERE role <> 'admin') OR EXISTS (SELECT 1 FROM contacts) AS used`,
    );
    return row.used;
  },
  /** The tenant's first administrator still active. */
  async firstAdminId(q: Queryable): Promise<string | undefined> {
    const [row] = await q.query<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' AND active ORDER BY created_at LIMIT 1`);
    return row?.id;
  },
  async ticketsByStatus(q: Queryable): Promise<Record<string, number>> {
    const rows = await q.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM tickets GROUP BY status ORDER BY status');
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  },
};
