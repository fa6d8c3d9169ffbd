import { api } from '../../api/client';
import type { Body, Schema } from '../../api/contract';

// The business calendars API (工作日历) as the console calls it.

export type BusinessCalendar = Schema<'BusinessCalendar'>;
export type CalendarSummary = Schema<'BusinessCalendarSummary'>;
export type CalendarDay = Schema<'CalendarDay'>;
export type CalendarWeek = Schema<'CalendarWeek'>;
export type CalendarBody = Body<'/api/v1/calendars', 'post'>;
export type CalendarPreview = Schema<'CalendarPreview'>;
export type ImportResult = Schema<'CalendarImportResult'>;
export type CalendarFormat = 'ics' | 'json';

export const calendarsApi = {
  list: () => api.get<{ items: CalendarSummary[] }>('/calendars'),
  get: (id: string) => api.get<BusinessCalendar>(`/calendars/${id}`),
  create: (body: CalendarBody) => api.post<BusinessCalendar>('/calendars', body),
  update: (id: string, body: CalendarBody) => api.put<BusinessCalendar>(`/calendars/${id}`, body),
  remove: (id: string) => api.delete<void>(`/calendars/${id}`),
  fromBuiltin: (name: string, isDefault: boolean) => api.post<BusinessCalendar>('/calendars/from-builtin', { name, year: 2026, isDefault }),
  preview: (id: string, minutes: number) => api.get<CalendarPreview>(`/calendars/${id}/preview`, { minutes }),
  /** The file's text is sent as a JSON string; the server reads ICS or JSON out of it. */
  importDays: (id: string, format: CalendarFormat, text: string) => api.post<ImportResult>(`/calendars/${id}/import?format=${format}`, text),
  /** Downloads the calendar as a file. */
  async download(id: string, name: string, format: CalendarFormat): Promise<void> {
    const res = await fetch(`/api/v1/calendars/${id}/export?format=${format}`, { credentials: 'include' });
    if (!res.ok) throw new Error(`export failed: ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.${format}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  },
};
