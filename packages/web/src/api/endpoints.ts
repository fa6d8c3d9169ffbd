import { api, ApiError, request } from './client';
import type {
  Attachment,
  BulkChanges,
  BulkResult,
  Category,
  Contact,
  CustomField,
  Me,
  Notification,
  Organization,
  Page,
  ReplyTemplate,
  SavedView,
  Subtask,
  Team,
  Ticket,
  TicketEvent,
  TicketFilters,
  TicketLink,
  TicketType,
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
  count: (f: TicketFilters, signal?: AbortSignal) => api.get<{ count: number }>('/tickets/count', { ...f }, signal),
  get: (idOrNumber: string) => api.get<Ticket>(`/tickets/${encodeURIComponent(idOrNumber)}`),
  create: (body: Record<string, unknown>, idempotencyKey: string) => api.post<Ticket>('/tickets', body, { 'idempotency-key': idempotencyKey }),
  update: (id: string, body: Record<string, unknown>) => api.patch<Ticket>(`/tickets/${id}`, body),
  events: (id: string, after?: string, limit = 100) => api.get<Page<TicketEvent>>(`/tickets/${id}/events`, { after, limit }),
  comment: (id: string, body: { body: string; internal: boolean; mentions?: string[]; attachmentIds?: string[]; status?: string }) =>
    api.post<{ id: string }>(`/tickets/${id}/comments`, body),
  watchers: (id: string) => api.get<Items<Watcher>>(`/tickets/${id}/watchers`),
  addWatcher: (id: string, userId: string) => api.put<Items<Watcher>>(`/tickets/${id}/watchers/${userId}`),
  removeWatcher: (id: string, userId: string) => api.delete<Items<Watcher>>(`/tickets/${id}/watchers/${userId}`),
  links: (id: string) => api.get<Items<TicketLink>>(`/tickets/${id}/links`),
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

export const peopleApi = {
  users: (q?: string, limit = 20) => api.get<Items<User>>('/users', { q, limit }),
  user: (id: string) => api.get<User>(`/users/${id}`),
  teams: () => api.get<Items<Team>>('/teams'),
};

export const catalogApi = {
  categories: () => api.get<Items<Category>>('/categories', { tree: true }),
  ticketTypes: () => api.get<Items<TicketType>>('/ticket-types', { active: true }),
  customFields: (ticketTypeId?: string) => api.get<Items<CustomField>>('/custom-fields', { ticketTypeId }),
};

export const customersApi = {
  lookup: (by: { phone?: string; email?: string }) => api.get<Contact>('/contacts/lookup', by),
  search: (q: string) => api.get<Items<Contact>>('/contacts', { q, limit: 20 }),
  contact: (id: string) => api.get<Contact>(`/contacts/${id}`),
  organization: (id: string) => api.get<Organization>(`/organizations/${id}`),
};

export const notificationsApi = {
  list: (unread?: boolean) => api.get<{ items: Notification[]; unread: number }>('/notifications', { unread: unread ? 'true' : undefined, limit: 20 }),
  readAll: () => api.post<{ updated: number }>('/notifications/read-all'),
};

export const viewsApi = {
  list: () => api.get<Items<SavedView>>('/views'),
  create: (v: Omit<SavedView, 'id' | 'ownerId'>) => api.post<SavedView>('/views', v),
  update: (id: string, v: Partial<Omit<SavedView, 'id' | 'ownerId'>>) => api.patch<SavedView>(`/views/${id}`, v),
  remove: (id: string) => api.delete<void>(`/views/${id}`),
};

export const templatesApi = {
  list: (q?: string) => api.get<Items<ReplyTemplate>>('/reply-templates', { q }),
};
