import { api, ApiError, request } from './client';
import type { Answer, Body } from './contract';
import type {
  Attachment,
  BulkChanges,
  BulkResult,
  Contact,
  CustomField,
  Identity,
  ListQuery,
  Me,
  Organization,
  ReplyTemplate,
  ReplyTemplateInput,
  SavedView,
  Subtasks,
  TenantChanges,
  Ticket,
  TicketFilters,
  TicketLink,
  TicketLinkKind,
  TicketPage,
  TicketType,
  User,
  ViewInput,
} from './types';

export type { ListQuery } from './types';

// Typed calls of the public API, grouped by resource.

export const authApi = {
  login: (email: string, password: string, tenant?: string) =>
    api.post<Answer<'/api/v1/auth/login', 'post'>>('/auth/login', tenant ? { email, password, tenant } : { email, password }),
  logout: () => api.post<void>('/auth/logout'),
  me: () => api.get<Me>('/auth/me'),
};

export const ticketsApi = {
  list: (q: ListQuery, signal?: AbortSignal) => api.get<TicketPage>('/tickets', { ...q }, signal),
  /** `upTo`: the server stops counting there and answers `capped`. */
  count: (f: TicketFilters, signal?: AbortSignal, upTo?: number) =>
    api.get<Answer<'/api/v1/tickets/count', 'get'>>('/tickets/count', { ...f, ...(upTo ? { upTo } : {}) }, signal),
  get: (idOrNumber: string) => api.get<Ticket>(`/tickets/${encodeURIComponent(idOrNumber)}`),
  create: (body: Body<'/api/v1/tickets', 'post'>, idempotencyKey: string) => api.post<Ticket>('/tickets', body, { 'idempotency-key': idempotencyKey }),
  update: (id: string, body: Body<'/api/v1/tickets/{id}', 'patch'>) => api.patch<Ticket>(`/tickets/${id}`, body),
  events: (id: string, after?: string, limit = 100) => api.get<Answer<'/api/v1/tickets/{id}/events', 'get'>>(`/tickets/${id}/events`, { after, limit }),
  comment: (id: string, body: Body<'/api/v1/tickets/{id}/comments', 'post'>) =>
    api.post<Answer<'/api/v1/tickets/{id}/comments', 'post'>>(`/tickets/${id}/comments`, body),
  watchers: (id: string) => api.get<Answer<'/api/v1/tickets/{id}/watchers', 'get'>>(`/tickets/${id}/watchers`),
  addWatcher: (id: string, userId: string) => api.put<Answer<'/api/v1/tickets/{id}/watchers/{userId}', 'put'>>(`/tickets/${id}/watchers/${userId}`),
  removeWatcher: (id: string, userId: string) => api.delete<Answer<'/api/v1/tickets/{id}/watchers/{userId}', 'delete'>>(`/tickets/${id}/watchers/${userId}`),
  links: (id: string) => api.get<Answer<'/api/v1/tickets/{id}/links', 'get'>>(`/tickets/${id}/links`),
  link: (id: string, body: { targetId: string; kind: TicketLinkKind }) => api.post<TicketLink>(`/tickets/${id}/links`, body),
  subtasks: (id: string) => api.get<Subtasks>(`/tickets/${id}/subtasks`),
  attachments: (id: string) => api.get<Answer<'/api/v1/tickets/{id}/attachments', 'get'>>(`/tickets/${id}/attachments`),
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

/** A new user; changes of one are `UserChanges`. */
export type UserInput = Body<'/api/v1/users', 'post'>;
export type UserChanges = Body<'/api/v1/users/{id}', 'patch'>;
export type TeamInput = Body<'/api/v1/teams', 'post'>;
export type TeamChanges = Body<'/api/v1/teams/{id}', 'patch'>;

export const USERS_BY_IDS = 200;

export const peopleApi = {
  users: (q?: string, limit = 20, extra?: { role?: string; offset?: number }) => api.get<Answer<'/api/v1/users', 'get'>>('/users', { q, limit, ...extra }),
  user: (id: string) => api.get<User>(`/users/${id}`),
  /** These users (at most USERS_BY_IDS a request), for showing names. */
  usersByIds: (ids: string[]) => api.get<Answer<'/api/v1/users', 'get'>>('/users', { ids }),
  createUser: (body: UserInput) => api.post<User>('/users', body),
  updateUser: (id: string, body: UserChanges) => api.patch<User>(`/users/${id}`, body),
  teams: () => api.get<Answer<'/api/v1/teams', 'get'>>('/teams'),
  createTeam: (body: TeamInput) => api.post<Answer<'/api/v1/teams', 'post'>>('/teams', body),
  updateTeam: (id: string, body: TeamChanges) => api.patch<Answer<'/api/v1/teams/{id}', 'patch'>>(`/teams/${id}`, body),
};

export type CategoryInput = Body<'/api/v1/categories', 'post'>;
export type CategoryChanges = Body<'/api/v1/categories/{id}', 'patch'>;
export type CustomFieldInput = Body<'/api/v1/custom-fields', 'post'>;
export type CustomFieldChanges = Body<'/api/v1/custom-fields/{id}', 'patch'>;

export const catalogApi = {
  categories: () => api.get<Answer<'/api/v1/categories', 'get'>>('/categories', { tree: true }),
  createCategory: (body: CategoryInput) => api.post<Answer<'/api/v1/categories', 'post'>>('/categories', body),
  updateCategory: (id: string, body: CategoryChanges) => api.patch<Answer<'/api/v1/categories/{id}', 'patch'>>(`/categories/${id}`, body),
  ticketTypes: () => api.get<Answer<'/api/v1/ticket-types', 'get'>>('/ticket-types', { active: true }),
  /** Active and inactive ticket types (administration). */
  allTicketTypes: () => api.get<Answer<'/api/v1/ticket-types', 'get'>>('/ticket-types'),
  createTicketType: (body: Body<'/api/v1/ticket-types', 'post'>) => api.post<TicketType>('/ticket-types', body),
  updateTicketType: (id: string, body: Body<'/api/v1/ticket-types/{id}', 'patch'>) => api.patch<TicketType>(`/ticket-types/${id}`, body),
  customFields: (ticketTypeId?: string) => api.get<Answer<'/api/v1/custom-fields', 'get'>>('/custom-fields', { ticketTypeId }),
  createCustomField: (body: CustomFieldInput) => api.post<CustomField>('/custom-fields', body),
  updateCustomField: (id: string, body: CustomFieldChanges) => api.patch<CustomField>(`/custom-fields/${id}`, body),
  deleteCustomField: (id: string) => api.delete<void>(`/custom-fields/${id}`),
};

export type OrganizationInput = Body<'/api/v1/organizations', 'post'>;
export type OrganizationChanges = Body<'/api/v1/organizations/{id}', 'patch'>;
export type ContactInput = Body<'/api/v1/contacts', 'post'>;
export type ContactChanges = Body<'/api/v1/contacts/{id}', 'patch'>;

export const CUSTOMER_PAGE = 50;

export const customersApi = {
  lookup: (by: { phone?: string; email?: string }) => api.get<Contact>('/contacts/lookup', by),
  search: (q: string) => api.get<Answer<'/api/v1/contacts', 'get'>>('/contacts', { q, limit: 20 }),
  contacts: (q: { q?: string; organizationId?: string; offset?: number; limit?: number }, signal?: AbortSignal) =>
    api.get<Answer<'/api/v1/contacts', 'get'>>('/contacts', { limit: CUSTOMER_PAGE, ...q }, signal),
  contact: (id: string) => api.get<Contact>(`/contacts/${id}`),
  createContact: (body: ContactInput) => api.post<Contact>('/contacts', body),
  updateContact: (id: string, body: ContactChanges) => api.patch<Contact>(`/contacts/${id}`, body),
  addIdentity: (id: string, identity: Identity) => api.post<Contact>(`/contacts/${id}/identities`, identity),
  removeIdentity: (id: string, identity: Identity) => api.delete<void>(`/contacts/${id}/identities`, { kind: identity.kind, value: identity.value }),
  merge: (id: string, sourceId: string) => api.post<Answer<'/api/v1/contacts/{id}/merge', 'post'>>(`/contacts/${id}/merge`, { sourceId }),
  organizations: (q: { q?: string; tier?: string; offset?: number; limit?: number }, signal?: AbortSignal) =>
    api.get<Answer<'/api/v1/organizations', 'get'>>('/organizations', { limit: CUSTOMER_PAGE, ...q }, signal),
  organization: (id: string) => api.get<Organization>(`/organizations/${id}`),
  createOrganization: (body: OrganizationInput) => api.post<Organization>('/organizations', body),
  updateOrganization: (id: string, body: OrganizationChanges) => api.patch<Organization>(`/organizations/${id}`, body),
};

export const notificationsApi = {
  list: (unread?: boolean, before?: string, limit = 20) => api.get<Answer<'/api/v1/notifications', 'get'>>('/notifications', { unread: unread ? 'true' : undefined, before, limit }),
  read: (ids: string[]) => api.post<Answer<'/api/v1/notifications/read', 'post'>>('/notifications/read', { ids }),
  readAll: () => api.post<Answer<'/api/v1/notifications/read-all', 'post'>>('/notifications/read-all'),
};

export const adminApi = {
  apiKeys: () => api.get<Answer<'/api/v1/api-keys', 'get'>>('/api-keys'),
  createApiKey: (body: Body<'/api/v1/api-keys', 'post'>) => api.post<Answer<'/api/v1/api-keys', 'post'>>('/api-keys', body),
  revokeApiKey: (id: string) => api.delete<void>(`/api-keys/${id}`),
  tenant: () => api.get<Answer<'/api/v1/tenant', 'get'>>('/tenant'),
  updateTenant: (body: TenantChanges) => api.patch<Answer<'/api/v1/tenant', 'patch'>>('/tenant', body),
};

export const viewsApi = {
  list: () => api.get<{ items: SavedView[] }>('/views'),
  create: (v: ViewInput) => api.post<SavedView>('/views', v),
  update: (id: string, v: Body<'/api/v1/views/{id}', 'patch'>) => api.patch<SavedView>(`/views/${id}`, v),
  remove: (id: string) => api.delete<void>(`/views/${id}`),
};

export const templatesApi = {
  list: (q?: string, page: { limit?: number; offset?: number } = {}) => api.get<Answer<'/api/v1/reply-templates', 'get'>>('/reply-templates', { q, ...page }),
  create: (body: ReplyTemplateInput) => api.post<ReplyTemplate>('/reply-templates', body),
  update: (id: string, body: Body<'/api/v1/reply-templates/{id}', 'patch'>) => api.patch<ReplyTemplate>(`/reply-templates/${id}`, body),
  remove: (id: string) => api.delete<void>(`/reply-templates/${id}`),
};
