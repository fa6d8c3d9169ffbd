import { api } from '../api/client';
import type { Body, Query, Schema } from '../api/contract';

// The satisfaction API as the console calls it: the public rating page's survey and answer (no sign-in:
// the token is the credential), the report and the settings.

export type CsatSurvey = Schema<'CsatSurvey'>;
export type CsatAnswer = Body<'/api/v1/public/csat/{token}', 'post'>;
export type CsatReport = Schema<'CsatReport'>;
export type CsatSettings = Schema<'CsatSettings'>;
export type CsatSettingsBody = Body<'/api/v1/csat/settings', 'put'>;
export type CsatReportQuery = Query<'/api/v1/csat/report', 'get'>;

export const CSAT_KEYS = {
  survey: (token: string) => ['csat', 'survey', token] as const,
  report: (q: CsatReportQuery) => ['csat', 'report', q] as const,
  settings: ['csat', 'settings'] as const,
};

const path = (token: string) => `/public/csat/${encodeURIComponent(token)}`;

export const csatApi = {
  survey: (token: string) => api.get<CsatSurvey>(path(token)),
  answer: (token: string, body: CsatAnswer) => api.post<Schema<'CsatAnswer'>>(path(token), body),
  report: (query: CsatReportQuery) => api.get<CsatReport>('/csat/report', query as Record<string, string | undefined>),
  settings: () => api.get<CsatSettings>('/csat/settings'),
  putSettings: (body: CsatSettingsBody) => api.put<CsatSettings>('/csat/settings', body),
};
