import { api, ApiError, request } from './client';
import type {
  ApiKey,
  Attachment,
  CreatedApiKey,
  Identity,
  NotificationPage,
  OffsetPage,
  Tenant,
  TenantSettings,
  BulkChanges,
  BulkResult,
  Category,
  Contact,
  CustomField,
  Me,
  Organization,
  Page,
  ReplyTemplate,
  ReplyTemplateInput,
  SavedView,
  Subtask,
  Team,
  Ticket,
  TicketEvent,
  TicketFilters,
  TicketLink,
  TicketType,
  ResolveRequirement,
  User,
  Watcher,
} from './types';

// Typed calls of the public API, grouped by resource.

type Items<T> = { items: T[] };

export const authApi = {
  login: (email: string, password: string, tenant?: string) =>
    api.post<{ token: string; user: unknown }>('/auth/login', tenant ? { email, password, tenant } : { email, password }),
  logout: () => api.post<void>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
};

export interface ListQuery extends TicketFilters {
  sort?: string;
  cursor?: string;
  limit?: number;
}

export const ticketsApi = {
  list: (q: ListQuery, signal?: AbortSignal) => api.get<Page<Ticket>>('/tickets', { ...q }, signal),
  /** `upTo`: the server stops counting there and answers `capped` (older servers leave it out). */
  count: (f: TicketFilters, signal?: AbortSignal, upTo?: number) =>
    api.get<{ count: number; capped?: boolean }>('/tickets/count', { ...f, ...(upTo ? { upTo } : {}) }, signal),
  get: (idOrNumber: string) => api.get<Ticket>(`/tickets/${encodeURIComponent(idOrNumber)}`),
  create: (body: Record<string, unknown>, idempotencyKey: string) => api.post<Ticket>('/tickets', body, { 'idempotency-key': idempotencyKey }),
  update: (id: string, body: Record<string, unknown>) => api.patch<Ticket>(`/tickets/${id}`, body),
  events: (id: string, after?: string, limit = 100) => api.get<Page<TicketEvent>>(`/tickets/${id}/events`, { after, limit }),
  comment: (id: string, body: { body: string; internal: boolean; mentions?: string[]; attachmentIds?: string[]; status?: string; channel?: string }) =>
    api.post<{ id: string }>(`/tickets/${id}/comments`, body),
  watchers: (id: string) => api.get<Items<Watcher>>(`/tickets/${id}/watchers`),
  addWatcher: (id: string, userId: string) => api.put<Items<Watcher>>(`/tickets/${id}/watchers/${userId}`),
  removeWatcher: (id: string, userId: string) => api.delete<Items<Watcher>>(`/tickets/${id}/watchers/${userId}`),
  links: (id: string) => api.get<Items<TicketLink>>(`/tickets/${id}/links`),
  link: (id: string, body: { targetId: string; kind: 'duplicate_of' | 'caused_by' | 'related' }) => api.post<TicketLink>(`/tickets/${id}/links`, body),
  subtasks: (id: string) => api.get<Items<Subtask> & { total: number; done: number }>(`/tickets/${id}/subtasks`),
  attachments: (id: string) => api.get<Items<Attachment>>(`/tickets/${id}/attachments`),
  upload: (id: string, file: File, internal: boolean) => {
    const form = new FormData();
    form.set('internal', String(internal));
    form.set('file', file);
    return request<Attachment>('POST', `/tickets/${id}/attachments`, { body: form });
  },
  /** Bulk changes; until the server has POST /tickets/bulk, each ticket is changed on its own. */
  bulk: async (ids: string[], changes: BulkChanges): Promise<BulkResult> => {
    try {
      return await api.post<BulkResult>('/tickets/bulk', { ids, changes });
    } catch (err) {
      if (!(err instanceof ApiError) || (err.status !== 404 && err.status !== 405)) throw err;
    }
    const result: BulkResult = { updated: [], failed: [] };
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        try {
          await api.patch(`/tickets/${id}`, changes);
          result.updated.push(id);
        } catch (e) {
          const ae = e as ApiError;
          result.failed.push({ id, error: { code: ae.code ?? 'ERROR', message: ae.message } });
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    return result;
  },
};

export const attachmentUrl = (id: string) => `/api/v1/attachments/${id}`;

export interface UserInput {
  email?: string;
  name?: string;
  role?: User['role'];
  scope?: string;
  phone?: string;
  password?: string;
  locale?: string;
  active?: boolean;
  teamIds?: string[];
  contactId?: string;
}

export interface TeamInput {
  name?: string;
  description?: string;
  skills?: string[];
  memberIds?: string[];
}

export const USERS_BY_IDS = 200;

export const peopleApi = {
  users: (q?: string, limit = 20, extra?: { role?: string; offset?: number }) => api.get<Items<User>>('/users', { q, limit, ...extra }),
  user: (id: string) => api.get<User>(`/users/${id}`),
  /** These users (at most USERS_BY_IDS a request), for showing names. */
  usersByIds: (ids: string[]) => api.get<Items<User>>('/users', { ids }),
  createUser: (body: UserInput) => api.post<User>('/users', body),
  updateUser: (id: string, body: UserInput) => api.patch<User>(`/users/${id}`, body),
  teams: () => api.get<Items<Team>>('/teams'),
  createTeam: (body: TeamInput) => api.post<Team>('/teams', body),
  updateTeam: (id: string, body: TeamInput) => api.patch<Team>(`/teams/${id}`, body),
};

export interface CategoryInput {
  nameZh?: string;
  nameEn?: string;
  parentId?: string | null;
  position?: number;
  active?: boolean;
}

export interface CustomFieldInput {
  ticketTypeId?: string | null;
  key?: string;
  kind?: CustomField['kind'];
  labelZh?: string;
  labelEn?: string;
  required?: boolean;
  options?: CustomField['options'];
  position?: number;
}

export const catalogApi = {
  categories: () => api.get<Items<Category>>('/categories', { tree: true }),
  createCategory: (body: CategoryInput) => api.post<Category>('/categories', body),
  updateCategory: (id: string, body: CategoryInput) => api.patch<Category>(`/categories/${id}`, body),
  ticketTypes: () => api.get<Items<TicketType>>('/ticket-types', { active: true }),
  /** Active and inactive ticket types (administration). */
  allTicketTypes: () => api.get<Items<TicketType>>('/ticket-types'),
  createTicketType: (body: { key: string; nameZh: string; nameEn?: string; active?: boolean; resolveRequires?: ResolveRequirement[] }) => api.post<TicketType>('/ticket-types', body),
  updateTicketType: (id: string, body: { nameZh?: string; nameEn?: string; active?: boolean; resolveRequires?: ResolveRequirement[] }) => api.patch<TicketType>(`/ticket-types/${id}`, body),
  customFields: (ticketTypeId?: string) => api.get<Items<CustomField>>('/custom-fields', { ticketTypeId }),
  createCustomField: (body: CustomFieldInput) => api.post<CustomField>('/custom-fields', body),
  updateCustomField: (id: string, body: CustomFieldInput) => api.patch<CustomField>(`/custom-fields/${id}`, body),
  deleteCustomField: (id: string) => api.delete<void>(`/custom-fields/${id}`),
};

export interface OrganizationInput {
  name?: string;
  tier?: string;
  domain?: string | null;
  notes?: string;
}

export interface ContactInput {
  name?: string;
  organizationId?: string | null;
  tier?: string | null;
  notes?: string;
  identities?: Identity[];
}

export const CUSTOMER_PAGE = 50;

export const customersApi = {
  lookup: (by: { phone?: string; email?: string }) => api.get<Contact>('/contacts/lookup', by),
  search: (q: string) => api.get<Items<Contact>>('/contacts', { q, limit: 20 }),
  contacts: (q: { q?: string; organizationId?: string; offset?: number; limit?: number }, signal?: AbortSignal) =>
    api.get<OffsetPage<Contact>>('/contacts', { limit: CUSTOMER_PAGE, ...q }, signal),
  contact: (id: string) => api.get<Contact>(`/contacts/${id}`),
  createContact: (body: ContactInput) => api.post<Contact>('/contacts', body),
  updateContact: (id: string, body: ContactInput) => api.patch<Contact>(`/contacts/${id}`, body),
  addIdentity: (id: string, identity: Identity) => api.post<Contact>(`/contacts/${id}/identities`, identity),
  removeIdentity: (id: string, identity: Identity) => api.delete<void>(`/contacts/${id}/identities`, { kind: identity.kind, value: identity.value }),
  merge: (id: string, sourceId: string) => api.post<{ contact: Contact; moved: { identities: number; tickets: number; users: number } }>(`/contacts/${id}/merge`, { sourceId }),
  organizations: (q: { q?: string; tier?: string; offset?: number; limit?: number }, signal?: AbortSignal) =>
    api.get<OffsetPage<Organization>>('/organizations', { limit: CUSTOMER_PAGE, ...q }, signal),
  organization: (id: string) => api.get<Organization>(`/organizations/${id}`),
  createOrganization: (body: OrganizationInput) => api.post<Organization>('/organizations', body),
  updateOrganization: (id: string, body: OrganizationInput) => api.patch<Organization>(`/organizations/${id}`, body),
};

export const notificationsApi = {
  list: (unread?: boolean, before?: string, limit = 20) => api.get<NotificationPage>('/notifications', { unread: unread ? 'true' : undefined, before, limit }),
  read: (ids: string[]) => api.post<{ updated: number }>('/notifications/read', { ids }),
  readAll: () => api.post<{ updated: number }>('/notifications/read-all'),
};

export const adminApi = {
  apiKeys: () => api.get<Items<ApiKey>>('/api-keys'),
  createApiKey: (body: { name: string; role: string }) => api.post<CreatedApiKey>('/api-keys', body),
  revokeApiKey: (id: string) => api.delete<void>(`/api-keys/${id}`),
  tenant: () => api.get<Tenant>('/tenant'),
  updateTenant: (body: { name?: string; settings?: TenantSettings }) => api.patch<Tenant>('/tenant', body),
};

export const viewsApi = {
  list: () => api.get<Items<SavedView>>('/views'),
  create: (v: Omit<SavedView, 'id' | 'ownerId'>) => api.post<SavedView>('/views', v),
  update: (id: string, v: Partial<Omit<SavedView, 'id' | 'ownerId'>>) => api.patch<SavedView>(`/views/${id}`, v),
  remove: (id: string) => api.delete<void>(`/views/${id}`),
};

export const templatesApi = {
  list: (q?: string, page: { limit?: number; offset?: number } = {}) => api.get<Items<ReplyTemplate>>('/reply-templates', { q, ...page }),
  create: (body: ReplyTemplateInput) => api.post<ReplyTemplate>('/reply-templates', body),
  update: (id: string, body: Partial<ReplyTemplateInput>) => api.patch<ReplyTemplate>(`/reply-templates/${id}`, body),
  remove: (id: string) => api.delete<void>(`/reply-templates/${id}`),
};
