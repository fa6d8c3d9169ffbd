import type { Queryable } from '../../../platform/db/database';
import { isUuid } from '../../../platform/ids';

export interface OpenTicketRow {
  id: string;
  number: number;
  title: string;
  status: string;
}

// What the phone channel reads: the agent behind a CTI login, a caller's unresolved tickets.
export const phoneRepository = {
  /** An active staff user of the tenant by email or id. */
  async staffUser(q: Queryable, ref: string): Promise<{ id: string; name: string } | undefined> {
    const [row] = await q.query<{ id: string; name: string }>(
      `SELECT id, name FROM users WHERE tenant_id = current_tenant_id() AND active AND role <> 'customer'
         AND (${isUuid(ref) ? 'id = $1::uuid' : 'lower(email) = lower($1)'}) LIMIT 1`,
      [ref],
    );
    return row;
  },
  /** The unresolved tickets of the contact owning this phone number, most recently updated first. */
  async openTicketsOfPhone(q: Queryable, phone: string, limit: number): Promise<OpenTicketRow[]> {
    const rows = await q.query<OpenTicketRow>(
      `SELECT t.id, t.number, t.title, t.status FROM tickets t
       WHERE t.tenant_id = current_tenant_id() AND t.status NOT IN ('resolved', 'closed')
         AND t.requester_id = (SELECT contact_id FROM contact_identities WHERE tenant_id = current_tenant_id() AND kind = 'phone' AND value = $1)
       ORDER BY t.updated_at DESC, t.id DESC LIMIT $2`,
      [phone, limit],
    );
    return rows.map((r) => ({ ...r, number: Number(r.number) }));
  },
};
