import { api } from './client';
import type { ChannelChanges, ChannelInput, ChannelLog, InboundMessage, InboundPage, InboundState, IntakeChannel, IntakeKind } from './intake-types';

// Channels, the intake archive / quarantine and a ticket's channel log.

export const INTAKE_PAGE = 50;

export const channelsApi = {
  list: (kind?: IntakeKind) => api.get<{ items: IntakeChannel[] }>('/channels', { kind }),
  get: (id: string) => api.get<IntakeChannel>(`/channels/${id}`),
  create: (body: ChannelInput) => api.post<IntakeChannel>('/channels', body),
  update: (id: string, body: ChannelChanges) => api.patch<IntakeChannel>(`/channels/${id}`, body),
  remove: (id: string) => api.delete<void>(`/channels/${id}`),
  /** web forms and chat widgets: a new public key (wf_… / ch_…) as the address; the old one stops working */
  newPublicKey: (id: string) => api.post<IntakeChannel>(`/channels/${id}/public-key`),
};

export const intakeApi = {
  list: (q: { state?: InboundState; channel?: IntakeKind; cursor?: string; limit?: number }, signal?: AbortSignal) =>
    api.get<InboundPage>('/intake/messages', { limit: INTAKE_PAGE, ...q }, signal),
  get: (id: string) => api.get<InboundMessage>(`/intake/messages/${id}`),
  retry: (id: string) => api.post<InboundMessage>(`/intake/messages/${id}/retry`),
  channelLog: (ticketId: string) => api.get<ChannelLog>(`/tickets/${ticketId}/channel-log`),
};

/** The original as received (the .eml of a mail, a callback's body), as a download. */
export const inboundRawUrl = (id: string) => `/api/v1/intake/messages/${id}/raw`;
