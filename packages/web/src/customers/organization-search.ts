import { customersApi } from '../api/endpoints';
import type { RemoteOption } from '../common/remote-select';

// Organization search for selects (a contact's organization).
export const searchOrganizations = async (q: string): Promise<RemoteOption[]> =>
  (await customersApi.organizations({ q: q.trim() || undefined, limit: 20 })).items.map((o) => ({ value: o.id, label: o.name }));

export const resolveOrganization = async (id: string): Promise<RemoteOption | null> => {
  const o = await customersApi.organization(id);
  return { value: o.id, label: o.name };
};
