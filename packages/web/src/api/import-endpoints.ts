import { api } from './client';
import type { Answer } from './contract';
import type { ImportJob } from './import-types';

// Ticket import jobs (admins): upload a file, then follow its progress.

export const importApi = {
  /** 202 with the queued job; 400 (details[0].code) for a file that cannot be read as a whole. */
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.post<ImportJob>('/imports', form);
  },
  list: () => api.get<Answer<'/api/v1/imports', 'get'>>('/imports', { limit: 20 }),
  get: (id: string) => api.get<ImportJob>(`/imports/${id}`),
};
