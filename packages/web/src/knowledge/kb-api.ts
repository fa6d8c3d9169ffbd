import { api } from '../api/client';
import type { KbArticle, KbArticleBody, KbArticleListItem, KbCategory, KbDiff, KbFile, KbGaps, KbListFilter, KbSearchHit, KbSynonym, KbVersion } from './kb-types';

// The knowledge base API as the console calls it.

export const kbApi = {
  list: (f: KbListFilter) => api.get<{ items: KbArticleListItem[]; total: number }>('/kb/articles', { ...f, dueForReview: f.dueForReview ? 'true' : undefined }),
  search: (q: string, f: { categoryId?: string; limit?: number } = {}) => api.get<{ hits: KbSearchHit[]; total: number; terms: string[] }>('/kb/search', { q, ...f }),
  get: (id: string) => api.get<KbArticle>(`/kb/articles/${id}`),
  create: (body: KbArticleBody) => api.post<KbArticle>('/kb/articles', body),
  update: (id: string, body: Partial<KbArticleBody>) => api.patch<KbArticle>(`/kb/articles/${id}`, body),
  submit: (id: string, reviewerIds: string[], comment?: string) => api.post<KbArticle>(`/kb/articles/${id}/submit`, { reviewerIds, ...(comment ? { comment } : {}) }),
  approve: (id: string, comment?: string) => api.post<KbArticle>(`/kb/articles/${id}/approve`, comment ? { comment } : {}),
  reject: (id: string, comment: string) => api.post<KbArticle>(`/kb/articles/${id}/reject`, { comment }),
  retire: (id: string) => api.post<KbArticle>(`/kb/articles/${id}/retire`, {}),
  versions: (id: string) => api.get<{ items: KbVersion[] }>(`/kb/articles/${id}/versions`),
  diff: (id: string, from: number, to: number) => api.get<KbDiff>(`/kb/articles/${id}/diff`, { from, to }),
  upload: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<KbFile>(`/kb/articles/${id}/files`, form);
  },
  categories: () => api.get<{ items: KbCategory[] }>('/kb/categories'),
  gaps: () => api.get<KbGaps>('/kb/gaps'),
  synonyms: () => api.get<{ items: KbSynonym[] }>('/kb/synonyms'),
  createSynonym: (body: { term: string; synonyms: string[] }) => api.post<KbSynonym>('/kb/synonyms', body),
  updateSynonym: (id: string, body: { term?: string; synonyms?: string[] }) => api.patch<KbSynonym>(`/kb/synonyms/${id}`, body),
  removeSynonym: (id: string) => api.delete<void>(`/kb/synonyms/${id}`),
  draftFromTicket: (ticketId: string) => api.post<KbArticle>(`/tickets/${ticketId}/article-draft`),
};
