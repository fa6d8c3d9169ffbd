import { api } from '../api/client';
import type { CalendarChoice, SlaPolicy, SlaPolicyBody, SlaRecompute, SlaSettings, TicketSla } from './sla-types';

// The SLA API as the console calls it: a ticket's clocks, the policies and the settings.

export const SLA_KEYS = {
  ticket: (id: string) => ['sla', 'ticket', id] as const,
  policies: ['sla', 'policies'] as const,
  settings: ['sla', 'settings'] as const,
  recompute: ['sla', 'recompute'] as const,
  calendars: ['calendars', 'choices'] as const,
};

export const slaApi = {
  ticket: (ticketId: string) => api.get<TicketSla>(`/tickets/${ticketId}/sla`),
  policies: () => api.get<{ items: SlaPolicy[] }>('/sla/policies'),
  createPolicy: (body: SlaPolicyBody) => api.post<SlaPolicy>('/sla/policies', body),
  updatePolicy: (id: string, body: SlaPolicyBody) => api.put<SlaPolicy>(`/sla/policies/${id}`, body),
  deletePolicy: (id: string) => api.delete<void>(`/sla/policies/${id}`),
  reorderPolicies: (ids: string[]) => api.post<{ items: SlaPolicy[] }>('/sla/policies/reorder', { ids }),
  settings: () => api.get<SlaSettings>('/sla/settings'),
  putSettings: (body: SlaSettings) => api.put<SlaSettings>('/sla/settings', body),
  calendars: () => api.get<{ items: CalendarChoice[] }>('/calendars'),
  recompute: () => api.get<SlaRecompute>('/sla/recompute'),
};
