import type { Queryable } from '../../../platform/db/database';

// Across tenants (system session): what the SMTP listener needs to route a recipient when no mailbox
// is configured yet.
export const mailRouteRepository = {
  /** The only tenant of a single-tenant install, or null when there are none or several. */
  async soleTenantId(q: Queryable): Promise<string | null> {
    const rows = await q.query<{ id: string }>('SELECT id FROM tenants ORDER BY created_at LIMIT 2');
    return rows.length === 1 ? rows[0].id : null;
  },
  /** Whether any tenant has configured a mail address (or @domain) to receive mail on. */
  async anyAddressConfigured(q: Queryable): Promise<boolean> {
    const rows = await q.query("SELECT 1 FROM channels WHERE kind = 'email' AND address IS NOT NULL LIMIT 1");
    return rows.length > 0;
  },
};
