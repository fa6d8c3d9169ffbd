import { api } from './client';
import type { KbStats, SuggestionReaction, Suggestions } from './assist-types';

// 智能知识推荐: a ticket's suggestions, what the agent did with one, and the measures (supervisors, admins).

export const assistApi = {
  /** Each call records the items as shown under new suggestion ids. */
  suggestions: (ticketId: string) => api.get<Suggestions>(`/tickets/${ticketId}/suggestions`),
  used: (ticketId: string, suggestionId: string, mode: 'link' | 'text') => api.post<SuggestionReaction>(`/tickets/${ticketId}/suggestions/${suggestionId}/used`, { mode }),
  rated: (ticketId: string, suggestionId: string, helpful: boolean) => api.post<SuggestionReaction>(`/tickets/${ticketId}/suggestions/${suggestionId}/rated`, { helpful }),
  stats: (period: { from?: string; to?: string } = {}) => api.get<KbStats>('/kb/stats', period),
};
