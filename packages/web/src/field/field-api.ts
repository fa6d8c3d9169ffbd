import { api, request } from '../api/client';
import type { Answer } from '../api/contract';
import type { StepSender } from './offline-queue';

// The phone's calls: its own module's endpoints, dispatch's 接单 / 拒单 and position, the ticket's files.

export type JobList = Answer<'/api/v1/field/jobs', 'get'>;
export type Job = JobList['jobs'][number];
export type JobDetail = Answer<'/api/v1/field/jobs/{ticketId}', 'get'>;
export type TicketParts = Answer<'/api/v1/tickets/{id}/parts', 'get'>;
export type VanStock = Answer<'/api/v1/me/van-stock', 'get'>;

export const fieldApi = {
  jobs: (date?: string) => api.get<JobList>('/field/jobs', { date }),
  job: (ticketId: string) => api.get<JobDetail>(`/field/jobs/${ticketId}`),
  dispatch: (ticketId: string) => api.get<{ current: { userId: string; state: string } | null }>(`/tickets/${ticketId}/dispatch`),
  accept: (ticketId: string) => api.post(`/tickets/${ticketId}/dispatch/accept`),
  /** dispatch: the work has started (no longer handed back at the end of the shift) */
  start: (ticketId: string) => api.post(`/tickets/${ticketId}/dispatch/start`),
  /** 预约上门: the open visit's window (supervisors, admins, agents, the assignee) */
  book: (ticketId: string, w: { windowStart: string; windowEnd: string }) => api.put(`/field/jobs/${ticketId}/visit`, w),
  decline: (ticketId: string, reason: string) => api.post(`/tickets/${ticketId}/dispatch/decline`, { reason }),
  profile: (userId: string) => api.get<{ status: string; shiftNow: boolean }>(`/dispatch/profiles/${userId}`),
  reportLocation: (p: { lat: number; lng: number; accuracy?: number; at: string }) => api.post('/me/location', p),
  parts: (ticketId: string) => api.get<TicketParts>(`/tickets/${ticketId}/parts`),
  vanStock: () => api.get<VanStock>('/me/van-stock'),
  /** inventory: set the parts aside for the job (all or nothing; online only) */
  reserve: (ticketId: string, lines: { partId: string; warehouseId: string; qty: number }[]) => api.post(`/tickets/${ticketId}/parts/reservations`, { lines }),
};

/** How the queue reaches the server. */
export const stepSender: StepSender = {
  async findFile(ticketId, filename) {
    const { items } = await api.get<{ items: { id: string; filename: string }[] }>(`/tickets/${ticketId}/attachments`);
    return items.find((a) => a.filename === filename)?.id ?? null;
  },
  async upload(ticketId, blob, filename) {
    const form = new FormData();
    form.append('internal', 'true');
    form.append('file', blob, filename);
    return (await request<{ id: string }>('POST', `/tickets/${ticketId}/attachments`, { body: form })).id;
  },
  postStep: (ticketId, body) => api.post(`/field/jobs/${ticketId}/steps`, body),
  postUsage: (ticketId, body) => api.post(`/tickets/${ticketId}/parts/usage`, body),
};
