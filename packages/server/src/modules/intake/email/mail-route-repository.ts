import type { Queryable } from '../../../platform/db/database';

// Across tenants (system session): what the SMTP listener needs to route a recipient when no mailbox
// is configured yet.
export const mailRouteRepository = {
  /** Whether any tenant has configured a mail address (or @domain) to receive mail on. */
  async anyAddressConfigured(q: Queryable): Promise<boolean> {
    const rows = await q.query("SELECT 1 FROM channels WHERE kind = 'email' AND address IS NOT NULL LIMIT 1");
    return rows.length > 0;
  },
};
