import { api } from './client';
import type { Insights, IntelModels, IntelSettings, IntelSettingsChanges } from './intelligence-types';

// Ticket intelligence: models and settings (admins; supervisors read), and one ticket's analysis.

export const intelApi = {
  models: () => api.get<IntelModels>('/intelligence/models'),
  /** Trains every model again; answers after training, which can take several seconds. */
  train: () => api.post<IntelModels>('/intelligence/models/train', {}),
  updateSettings: (body: IntelSettingsChanges) => api.patch<IntelSettings>('/intelligence/settings', body),
  /** 404 NOT_FOUND: the ticket was never analysed (tickets older than the feature). */
  insights: (ticketId: string) => api.get<Insights>(`/tickets/${ticketId}/insights`),
};
