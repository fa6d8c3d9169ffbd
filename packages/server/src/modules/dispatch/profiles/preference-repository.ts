import type { Queryable } from '../../../platform/db/database';

// dispatch_customer_preferences: a contact's or an organization's preferred and excluded people.

export interface PreferenceRow {
  contact_id: string | null;
  organization_id: string | null;
  preferred_user_ids: string[];
  excluded_user_ids: string[];
  updated_at: Date;
}
const COLUMNS = 'contact_id, organization_id, preferred_user_ids, excluded_user_ids, updated_at';

export const preferenceRepository = {
  async byOwner(q: Queryable, owner: { contactId?: string; organizationId?: string }): Promise<PreferenceRow | undefined> {
    const [row] = await q.query<PreferenceRow>(
      owner.contactId ? `SELECT ${COLUMNS} FROM dispatch_customer_preferences WHERE contact_id = $1` : `SELECT ${COLUMNS} FROM dispatch_customer_preferences WHERE organization_id = $1`,
      [owner.contactId ?? owner.organizationId],
    );
    return row;
  },
  /** The requester's own preferences and their organization's (either may be missing), for the assignment side. */
  async forRequester(q: Queryable, contactId: string | null, organizationId: string | null): Promise<{ contact?: PreferenceRow; organization?: PreferenceRow }> {
    const rows = await q.query<PreferenceRow>(
      `SELECT ${COLUMNS} FROM dispatch_customer_preferences WHERE ($1::uuid IS NOT NULL AND contact_id = $1) OR ($2::uuid IS NOT NULL AND organization_id = $2)`,
      [contactId, organizationId],
    );
    return { contact: rows.find((r) => r.contact_id), organization: rows.find((r) => r.organization_id) };
  },
  async put(q: Queryable, p: { id: string; tenantId: string; contactId?: string; organizationId?: string; preferred: string[]; excluded: string[]; now: Date }): Promise<PreferenceRow> {
    const target = p.contactId ? '(tenant_id, contact_id) WHERE contact_id IS NOT NULL' : '(tenant_id, organization_id) WHERE organization_id IS NOT NULL';
    const [row] = await q.query<PreferenceRow>(
      `INSERT INTO dispatch_customer_preferences (id, tenant_id, contact_id, organization_id, preferred_user_ids, excluded_user_ids, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ${target} DO UPDATE SET preferred_user_ids = EXCLUDED.preferred_user_ids, excluded_user_ids = EXCLUDED.excluded_user_ids, updated_at = EXCLUDED.updated_at
       RETURNING ${COLUMNS}`,
      [p.id, p.tenantId, p.contactId ?? null, p.organizationId ?? null, p.preferred, p.excluded, p.now],
    );
    return row;
  },
};
