import { api } from '../api/client';
import type { Body } from '../api/contract';
import type { AppliedImprovements, ApplyImprovementsBody, Assignment, Board, Candidates, DayRoute, DispatchBody, Improvements, TicketDispatch } from './dispatch-types';

// The dispatch endpoints the console calls (DISPATCH-CONTRACT.md) and their query keys.

export const dispatchApi = {
  board: () => api.get<Board>('/dispatch/board'),
  /** the configured tile server (MAP_TILE_URL) for any staff member's map; null: the built-in base layer */
  mapTiles: () => api.get<Board['map']>('/dispatch/map-tiles'),
  ticket: (ticketId: string) => api.get<TicketDispatch>(`/tickets/${ticketId}/dispatch`),
  candidates: (ticketId: string) => api.get<Candidates>(`/tickets/${ticketId}/dispatch/candidates`),
  /** 409 DISPATCH_RULE_VIOLATION: a hard rule excludes the person (override with a reason: supervisors). */
  assign: (ticketId: string, body: DispatchBody) => api.post<Assignment>(`/tickets/${ticketId}/dispatch`, body),
  accept: (ticketId: string) => api.post<Assignment>(`/tickets/${ticketId}/dispatch/accept`, {}),
  decline: (ticketId: string, reason: string) => api.post<void>(`/tickets/${ticketId}/dispatch/decline`, { reason }),
  /** the stored day routes (路线规划) of a day, YYYY-MM-DD */
  routes: (date: string) => api.get<{ items: DayRoute[] }>(`/routes/plans?date=${date}`),
  /** plans the day of a team's engineers together and stores the plans (admins, supervisors) */
  planTeam: (body: Body<'/api/v1/routes/plan-team', 'post'>) => api.post<{ plans: DayRoute[] }>('/routes/plan-team', body),
  /** 日内优化: proposed moves of jobs not started between engineers (dispatchers only); nothing is changed */
  improvements: () => api.get<Improvements>('/dispatch/improvements'),
  /** applies 1–50 of the proposed moves; a move whose job has moved or started since is skipped with a code */
  applyImprovements: (body: ApplyImprovementsBody) => api.post<AppliedImprovements>('/dispatch/improvements/apply', body),
};

export const dispatchKeys = {
  board: ['dispatch', 'board'] as const,
  ticket: (ticketId: string) => ['dispatch', 'ticket', ticketId] as const,
  candidates: (ticketId: string) => ['dispatch', 'candidates', ticketId] as const,
  routes: (date: string) => ['dispatch', 'routes', date] as const,
  /** configuration: read once */
  mapTiles: ['mapTiles'] as const,
  /** outside ['dispatch']: a snapshot read when asked for, not again on every dispatch step of the board */
  improvements: ['dispatchImprovements'] as const,
};
