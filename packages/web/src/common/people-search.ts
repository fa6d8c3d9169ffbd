import { customersApi, peopleApi } from '../api/endpoints';
import type { RemoteOption } from './remote-select';

// Server searches shared by the filter bar, the side panel and the create form.

const STAFF = new Set(['admin', 'supervisor', 'agent', 'engineer']);

export const searchStaff = async (q: string): Promise<RemoteOption[]> =>
  (await peopleApi.users(q || undefined, 20)).items.filter((u) => STAFF.has(u.role) && u.active).map((u) => ({ value: u.id, label: u.name }));

export const resolveStaff = async (id: string): Promise<RemoteOption | null> => {
  const u = await peopleApi.user(id);
  return { value: u.id, label: u.name };
};

const contactLabel = (c: { name: string; identities: { kind: string; value: string }[] }) => {
  const id = c.identities.find((i) => i.kind === 'phone') ?? c.identities.find((i) => i.kind === 'email');
  return id ? `${c.name}（${id.value}）` : c.name;
};

export const searchContacts = async (q: string): Promise<RemoteOption[]> =>
  q.trim() ? (await customersApi.search(q.trim())).items.map((c) => ({ value: c.id, label: contactLabel(c) })) : [];

export const resolveContact = async (id: string): Promise<RemoteOption | null> => {
  const c = await customersApi.contact(id);
  return { value: c.id, label: contactLabel(c) };
};
