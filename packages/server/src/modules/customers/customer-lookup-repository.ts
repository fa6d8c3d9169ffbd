import type { Queryable } from '../../platform/db/database';

// Narrow reads of contacts and organizations behind read-contacts.ts.
export const customerLookupRepository = {
  async hasContacts(q: Queryable): Promise<boolean> {
    const [row] = await q.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM contacts) AS found');
    return row.found;
  },
  async contactNames(q: Queryable, ids: string[]): Promise<{ id: string; name: string }[]> {
    if (!ids.length) return [];
    return q.query<{ id: string; name: string }>('SELECT id, name FROM contacts WHERE id = ANY($1::uuid[])', [ids]);
  },
  async organizationNames(q: Queryable, ids: string[]): Promise<{ id: string; name: string }[]> {
    if (!ids.length) return [];
    return q.query<{ id: string; name: string }>('SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])', [ids]);
  },
};
